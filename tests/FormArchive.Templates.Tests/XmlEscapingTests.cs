using System.Xml.Linq;
using FormArchive.Templates;

namespace FormArchive.Tests.Templates;

public class XmlEscapingTests
{
    public static TheoryData<string> Hostile =>
    [
        "<x>&\"]]>",
        "{{ 1 }}",
        "</blank><checkbox checked=\"true\"/>",
        "' \" & < > &amp; &#x41; <![CDATA[x]]> <!-- c --> <?pi x?>",
        "a\"/><seal label=\"x\"/><p b=\"",
        "<!DOCTYPE x [<!ENTITY e \"boom\">]>",
    ];

    private static string Render(string template, string json, string schema = """{"type":"object","properties":{"v":{"type":["string","null"]}}}""")
    {
        using var temp = new TempTemplates().AddForm("escape", template, schema);
        var catalog = TemplateCatalog.Load(temp.Root);
        return TestCatalog.Renderer.RenderMarkup(catalog.Get("test.escape"), json);
    }

    private static string Json(string value) => new Newtonsoft.Json.Linq.JObject { ["v"] = value }.ToString();

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Interpolated_values_stay_text_in_elements_and_attributes(string value)
    {
        var markup = Render("""
            <document title="{{ v }}" paper="A4" orientation="portrait">
              <p>{{ v }}</p>
              <p>名字：<blank width="30mm">{{ v }}</blank>同志</p>
              <seal label="受理单位（盖章）" date="{{ v }}"/>
            </document>
            """, Json(value));

        var doc = MarkupAssert.Valid(markup);
        var root = doc.Root!;
        Assert.Equal(value, (string?)root.Attribute("title"));
        var paragraphs = root.Elements("p").ToList();
        Assert.Equal(2, paragraphs.Count);
        Assert.Equal(value, paragraphs[0].Value);
        Assert.Empty(paragraphs[0].Elements());
        var blank = Assert.Single(paragraphs[1].Elements());
        Assert.Equal("blank", blank.Name.LocalName);
        Assert.Equal(value, blank.Value);
        Assert.Equal("名字：" + value + "同志", paragraphs[1].Value);
        Assert.Equal(value, (string?)root.Element("seal")!.Attribute("date"));
        // the document has exactly the elements the template wrote
        Assert.Equal(["document", "p", "p", "blank", "seal"], doc.Descendants().Select(e => e.Name.LocalName));
        Assert.Equal(["title", "paper", "orientation", "width", "label", "date"], doc.Descendants().Attributes().Select(a => a.Name.LocalName));
    }

    [Fact]
    public void A_hostile_member_name_on_the_review_form_is_printed_as_text()
    {
        const string name = "<x>&\"]]>";
        var json = "{\"members\":[{\"name\":" + Newtonsoft.Json.JsonConvert.ToString(name) + "}],\"applicant\":{\"name\":\"</blank><checkbox checked=\\\"true\\\"/>\"}}";
        var doc = MarkupAssert.Valid(TestCatalog.Renderer.RenderMarkup(TestCatalog.Instance.Get("chizhou.review-form"), json));
        Assert.Contains(doc.Descendants("td"), td => td.Value == name && !td.HasElements);
        Assert.Contains(doc.Descendants("td"), td => td.Value == "</blank><checkbox checked=\"true\"/>" && !td.HasElements);
        Assert.Equal(5, doc.Descendants("checkbox").Count()); // only the five of 保障类别
        Assert.DoesNotContain(doc.Descendants("x"), _ => true);
    }

    [Fact]
    public void Literal_template_text_is_not_escaped_but_string_literals_in_code_are()
    {
        var markup = Render("""<document title="t" paper="A4" orientation="portrait"><p>a &amp; b<br/>{{ "<br/>" }}</p></document>""", "{}");
        Assert.Contains("<p>a &amp; b<br/>&lt;br/&gt;</p>", markup);
        var p = MarkupAssert.Valid(markup).Root!.Element("p")!;
        Assert.Single(p.Elements("br"));
        Assert.Equal("a & b<br/>", p.Value);
    }

    [Fact]
    public void Non_string_values_are_escaped_too()
    {
        var markup = Render("""<document title="t" paper="A4" orientation="portrait"><p>{{ arr }}|{{ obj }}|{{ 1 + 2 }}|{{ true }}</p></document>""",
            """{"arr":["<a>"],"obj":{"k":"<b>"}}""",
            """{"type":"object","properties":{"arr":{"type":"array","items":{"type":"string"}},"obj":{"type":"object","properties":{"k":{"type":"string"}}}}}""");
        var p = MarkupAssert.Valid(markup).Root!.Element("p")!;
        Assert.False(p.HasElements);
        Assert.Contains("<a>", p.Value);
        Assert.Contains("<b>", p.Value);
        Assert.EndsWith("|3|true", p.Value);
    }

    [Fact]
    public void Characters_xml_forbids_are_replaced()
    {
        var markup = Render("""<document title="t" paper="A4" orientation="portrait"><p>{{ v }}</p></document>""", Json("a\u0001b\u0000c\uFFFEd\tok 𠮷"));
        Assert.Equal("a\uFFFDb\uFFFDc\uFFFDd\tok 𠮷", MarkupAssert.Valid(markup).Root!.Element("p")!.Value);
    }

    [Theory]
    [InlineData(null, "")]
    [InlineData("", "")]
    [InlineData("plain 中文", "plain 中文")]
    [InlineData("<&>\"'", "&lt;&amp;&gt;&quot;&apos;")]
    public void Escape(string? input, string expected)
    {
        Assert.Equal(expected, XmlText.Escape(input));
    }

    [Fact]
    public void Unpaired_surrogates_are_replaced()
    {
        Assert.Equal("\uFFFDx\uFFFD", XmlText.Escape("\ud800x\udc00"));
        Assert.Equal("\ud842\udfb7", XmlText.Escape("\ud842\udfb7")); // a valid pair (𠮷) is kept
    }

    [Fact]
    public void Escaped_text_parses_back_to_the_original()
    {
        const string value = "<x>&\"]]>'{{ 1 }}";
        var element = XElement.Parse($"<p a=\"{XmlText.Escape(value)}\">{XmlText.Escape(value)}</p>");
        Assert.Equal(value, element.Value);
        Assert.Equal(value, (string?)element.Attribute("a"));
    }
}
