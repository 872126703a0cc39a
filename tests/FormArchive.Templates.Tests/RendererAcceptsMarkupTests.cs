using FormArchive.Renderer.Markup;

namespace FormArchive.Tests.Templates;

/// <summary>The markup every form produces is accepted by the renderer's own parser (docs/markup.md).</summary>
public class RendererAcceptsMarkupTests
{
    public static TheoryData<string, string?> Cases()
    {
        var data = new TheoryData<string, string?>();
        foreach (var form in TestCatalog.Instance.Forms)
        {
            data.Add(form.Id, null);
            data.Add(form.Id, "case.json");
            data.Add(form.Id, "case-15-members.json");
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Markup_parser_accepts_the_rendered_form(string formId, string? sample)
    {
        var json = sample is null ? null : TestPaths.ReadSample(sample);
        var markup = TestCatalog.Renderer.RenderMarkup(TestCatalog.Instance.Get(formId), json);
        var model = MarkupParser.Parse(markup);
        Assert.NotNull(model);
    }
}
