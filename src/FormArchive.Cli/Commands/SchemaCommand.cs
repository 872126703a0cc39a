using System.CommandLine;

namespace FormArchive.Cli.Commands;

/// <summary><c>formarchive schema --form ID</c>: prints the JSON Schema of a form's data.</summary>
internal static class SchemaCommand
{
    public static Command Create()
    {
        var form = new Option<string>("--form") { Description = "Form id, e.g. chizhou.review-form", Required = true };
        var templates = CatalogOption.Create();
        var command = new Command("schema", "Print the JSON Schema of a form's data") { form, templates };
        command.SetAction(result => CliErrors.Run(() =>
        {
            Console.WriteLine(CatalogOption.Load(result.GetValue(templates)).Get(result.GetValue(form)!).SchemaJson);
            return 0;
        }));
        return command;
    }
}
