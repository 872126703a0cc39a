using System.Xml.Linq;

namespace FormArchive.Tests.Templates;

public class ChizhouAcceptanceNoticeTests
{
    private const string Body = "您提交的低收入人口申请及相关资料齐全，现予受理。我们将在规定时间内予以审核确认，并书面告知结果。特此告知。";
    private const string Footnote = "本告知书一式二份，受理单位留存一份，受送达人留存一份。";

    private static XElement Render(string? json) =>
        MarkupAssert.Valid(TestCatalog.Renderer.RenderMarkup(TestCatalog.Instance.Get("chizhou.acceptance-notice"), json)).Root!;

    [Fact]
    public void Blank_form_follows_the_seed()
    {
        var doc = Render(null);
        Assert.Equal("池州市低收入人口申请受理告知书", (string?)doc.Attribute("title"));
        Assert.Equal("A4", (string?)doc.Attribute("paper"));
        Assert.Equal("portrait", (string?)doc.Attribute("orientation"));
        Assert.Null(doc.Attribute("author"));
        Assert.Equal("池州市低收入人口申请受理告知书", doc.Element("h1")!.Value);

        var paragraphs = doc.Elements("p").ToList();
        var salutation = paragraphs[0];
        Assert.Equal("同志：", MarkupAssert.Text(salutation));
        Assert.Equal("", salutation.Element("blank")!.Value);

        var body = paragraphs.Single(p => MarkupAssert.Text(p) == Body);
        Assert.Equal("2em", (string?)body.Attribute("indent"));

        var signature = paragraphs.Single(p => MarkupAssert.Text(p).StartsWith("受送达人（签名）："));
        Assert.NotNull(signature.Element("blank"));

        var seal = Assert.Single(doc.Elements("seal"));
        Assert.Equal("受理单位（盖章）", (string?)seal.Attribute("label"));
        Assert.Null(seal.Attribute("date")); // left for handwriting: 年　月　日

        Assert.Equal(Footnote, MarkupAssert.Text(doc.Elements("p").Last()));
        Assert.True(doc.Elements().ToList().IndexOf(seal) < doc.Elements().ToList().IndexOf(doc.Elements("p").Last()));
    }

    [Fact]
    public void Filled_from_the_sample_case()
    {
        var doc = Render(TestPaths.ReadSample("case.json"));
        Assert.Equal("汪德顺", doc.Elements("p").First().Element("blank")!.Value);
        Assert.Equal("汪德顺同志：", MarkupAssert.Text(doc.Elements("p").First()));
        Assert.Equal("2024年7月3日", (string?)doc.Element("seal")!.Attribute("date"));
        Assert.Equal("青阳县木镇镇人民政府", (string?)doc.Attribute("author"));
        Assert.Equal("青阳县木镇镇人民政府", (string?)doc.Element("seal")!.Attribute("unit"));
    }

    [Fact]
    public void Without_an_acceptance_date_the_seal_date_is_left_blank()
    {
        var doc = Render(TestPaths.ReadSample("case-15-members.json"));
        Assert.Null(doc.Element("seal")!.Attribute("date"));
        Assert.Equal("程国富", doc.Elements("p").First().Element("blank")!.Value);
    }
}
