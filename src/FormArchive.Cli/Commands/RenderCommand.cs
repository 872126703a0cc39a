using System.CommandLine;
using FormArchive.Renderer.Rendering;

namespace FormArchive.Cli.Commands;

/// <summary>
/// <c>formarchive render --form ID --data case.json --out out/ --format pdf,docx</c>.
/// Without --data the form prints blank, for handwriting. "--data -" reads standard input.
/// </summary>
internal static class RenderCommand
{
    public static Command Create()
    {
        var form = new Option<string>("--form") { Description = "Form id, e.g. chizhou.review-form", Required = true };
        var data = new Option<string?>("--data") { Description = "Case data JSON file, or - for standard input; omit for a blank form" };
        var output = new Option<DirectoryInfo>("--out") { Description = "Output folder", DefaultValueFactory = _ => new DirectoryInfo(".") };
        var formats = new Option<string>("--format") { Description = "pdf, docx or pdf,docx", DefaultValueFactory = _ => "pdf" };
        var templates = CatalogOption.Create();
        var command = new Command("render", "Render a form to PDF and/or DOCX") { form, data, output, formats, templates };
        command.SetAction(result => CliErrors.Run(() =>
        {
            var wanted = ParseFormats(result.GetValue(formats)!);
            if (wanted is null) return CliErrors.Fail($"--format must be pdf, docx or pdf,docx, not '{result.GetValue(formats)}'", CliErrors.BadInput);
            var json = ReadData(result.GetValue(data));
            var printer = CatalogOption.Printer(result.GetValue(templates));
            var folder = result.GetValue(output)!;
            folder.Create();
            foreach (var format in wanted)
            {
                var printed = printer.Print(result.GetValue(form)!, json, format);
                var path = Path.Combine(folder.FullName, printed.AsciiFileName);
                File.WriteAllBytes(path, printed.Document.Content);
                var pages = printed.Document.PageCount is { } n ? $", {n} page{(n == 1 ? "" : "s")}" : "";
                Console.WriteLine($"{path} ({printed.Form.Title}, {printed.Document.Content.Length:N0} bytes{pages})");
            }
            return 0;
        }));
        return command;
    }

    private static List<OutputFormat>? ParseFormats(string text)
    {
        var list = new List<OutputFormat>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (OutputFormats.Parse(part) is not { } f) return null;
            if (!list.Contains(f)) list.Add(f);
        }
        return list.Count == 0 ? null : list;
    }

    private static string? ReadData(string? path) => path switch
    {
        null => null,
        "-" => Console.In.ReadToEnd(),
        _ when !File.Exists(path) => throw new FileNotFoundException($"data file not found: {path}"),
        _ => File.ReadAllText(path),
    };
}
