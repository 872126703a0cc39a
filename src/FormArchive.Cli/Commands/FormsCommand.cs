using System.CommandLine;

namespace FormArchive.Cli.Commands;

/// <summary><c>formarchive forms</c>: lists the catalog.</summary>
internal static class FormsCommand
{
    public static Command Create()
    {
        var templates = CatalogOption.Create();
        var command = new Command("forms", "List the forms in the catalog") { templates };
        command.SetAction(result => CliErrors.Run(() =>
        {
            var catalog = CatalogOption.Load(result.GetValue(templates));
            foreach (var form in catalog.Forms.OrderBy(f => f.Id, StringComparer.Ordinal))
            {
                var m = form.Metadata;
                var source = m.Attachment is { } n ? $"{m.SourceDocument} 附件{n}" : m.SourceDocument;
                Console.WriteLine($"{m.Id,-34} {m.Title}  [{source}; {m.Paper} {m.Orientation}]");
            }
            return 0;
        }));
        return command;
    }
}
