using System.CommandLine;
using FormArchive.Renderer.Rendering;
using FormArchive.Templates;
using FormArchive.Templates.Printing;

namespace FormArchive.Cli.Commands;

/// <summary>The --templates option shared by commands that read the form catalog.</summary>
internal static class CatalogOption
{
    public static Option<DirectoryInfo?> Create() => new("--templates")
    {
        Description = "Template catalog folder (default: FORMARCHIVE_TEMPLATES, or templates/ next to the program or the repository)",
    };

    public static TemplateCatalog Load(DirectoryInfo? folder) =>
        TemplateCatalog.Load(folder?.FullName ?? TemplateCatalog.FindDefaultRoot());

    public static FormPrinter Printer(DirectoryInfo? folder) =>
        new(Load(folder), new FormRenderer(), new DocumentRenderer());
}
