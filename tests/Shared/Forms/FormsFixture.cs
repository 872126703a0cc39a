using FormArchive.Renderer.Layout;
using FormArchive.Renderer.Markup;
using FormArchive.Renderer.Model;
using FormArchive.Renderer.Pdf;
using FormArchive.Templates;

namespace FormArchive.Tests.Forms;

/// <summary>The real catalog and samples, shared by the end-to-end form tests.</summary>
public static class FormsFixture
{
    private static readonly Lazy<TemplateCatalog> LazyCatalog = new(() => TemplateCatalog.Load(TemplateCatalog.FindDefaultRoot()));

    public static TemplateCatalog Catalog => LazyCatalog.Value;

    public static FormRenderer Templates { get; } = new();

    public static ITextMeasurer Measurer { get; } = new FontTextMeasurer(FontLibrary.Default);

    public static string SamplesFolder => Path.Combine(AppContext.BaseDirectory, "samples");

    public static string Sample(string name) => File.ReadAllText(Path.Combine(SamplesFolder, name));

    /// <summary>Every form with no data, and with every sample its schema accepts.</summary>
    public static IEnumerable<object?[]> Cases()
    {
        foreach (var form in Catalog.Forms.OrderBy(f => f.Id))
        {
            yield return [form.Id, null];
            foreach (var file in Directory.GetFiles(SamplesFolder, "*.json").Order())
            {
                var accepted = true;
                try { Templates.RenderMarkup(form, File.ReadAllText(file)); }
                catch (FormDataException) { accepted = false; }
                if (accepted) yield return [form.Id, Path.GetFileName(file)];
            }
        }
    }

    public static DocumentModel Model(string formId, string? sample) =>
        MarkupParser.Parse(Templates.RenderMarkup(Catalog.Get(formId), sample is null ? null : Sample(sample)));
}
