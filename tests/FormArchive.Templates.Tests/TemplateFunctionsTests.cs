using FormArchive.Templates;
using Scriban.Runtime;

namespace FormArchive.Tests.Templates;

public class TemplateFunctionsTests
{
    private const string Male1958 = "34172319580312001X";
    private const string Female1987 = "341723198706110040";

    [Fact]
    public void Id_functions_read_the_domain_rules()
    {
        Assert.Equal("男", TemplateFunctions.IdSex(Male1958));
        Assert.Equal("女", TemplateFunctions.IdSex(Female1987));
        Assert.Equal("男", TemplateFunctions.IdSex("34172319580312001x"));
        Assert.Equal("", TemplateFunctions.IdSex("34172319580312001"));
        Assert.Equal("", TemplateFunctions.IdSex(null));
        Assert.Equal("1958年3月", TemplateFunctions.IdBirth(Male1958));
        Assert.Equal("1987年6月", TemplateFunctions.IdBirth(Female1987));
        Assert.Equal("", TemplateFunctions.IdBirth("341723580312001"));
        Assert.True(TemplateFunctions.IdValid(Male1958));
        Assert.False(TemplateFunctions.IdValid("341723195803120010"));
        Assert.False(TemplateFunctions.IdValid(null));
        Assert.False(TemplateFunctions.IdValid(341723L));
    }

    [Fact]
    public void Id_age_takes_a_date_in_any_form()
    {
        Assert.Equal(66, TemplateFunctions.IdAge(Male1958, "2024-07-03"));
        Assert.Equal(65, TemplateFunctions.IdAge(Male1958, "2024-03-11"));
        Assert.Equal(65, TemplateFunctions.IdAge(Male1958, "2024-03")); // first of the month
        Assert.Equal(66, TemplateFunctions.IdAge(Male1958, new DateTime(2024, 7, 3)));
        Assert.Equal(66, TemplateFunctions.IdAge(Male1958, new DateOnly(2024, 7, 3)));
        Assert.Null(TemplateFunctions.IdAge(Male1958, null));
        Assert.Null(TemplateFunctions.IdAge(Male1958, "not a date"));
        Assert.Null(TemplateFunctions.IdAge("bad", "2024-07-03"));
    }

    [Fact]
    public void Mask_id()
    {
        Assert.Equal("341723********001X", TemplateFunctions.MaskId(Male1958));
        Assert.Equal("", TemplateFunctions.MaskId(null));
    }

    [Fact]
    public void Dates()
    {
        Assert.Equal("2024年5月30日", TemplateFunctions.DateCn("2024-05-30"));
        Assert.Equal("2024年5月", TemplateFunctions.DateCn("2024-05"));
        Assert.Equal("2024年5月30日", TemplateFunctions.DateCn(new DateTime(2024, 5, 30)));
        Assert.Equal("2024年5月30日", TemplateFunctions.DateCn(new DateOnly(2024, 5, 30)));
        Assert.Equal("", TemplateFunctions.DateCn(null));
        Assert.Equal("", TemplateFunctions.DateCn("  "));
        Assert.Equal("五月底", TemplateFunctions.DateCn("五月底")); // not a date: shown as written
        Assert.Equal("2024年5月", TemplateFunctions.MonthCn("2024-05-30"));
        Assert.Equal("2024年5月", TemplateFunctions.MonthCn("2024-05"));
        Assert.Equal("", TemplateFunctions.MonthCn(null));
    }

    [Fact]
    public void Money_formats_numbers_of_every_kind()
    {
        Assert.Equal("1,234.00", TemplateFunctions.Money(1234));
        Assert.Equal("1,234.00", TemplateFunctions.Money(1234L));
        Assert.Equal("3,200.50", TemplateFunctions.Money(3200.5m));
        Assert.Equal("0.13", TemplateFunctions.Money(0.125m));
        Assert.Equal("2.68", TemplateFunctions.Money(2.675d));
        Assert.Equal("1,234.00", TemplateFunctions.Money("1234"));
        Assert.Equal("1,234.50", TemplateFunctions.Money("1,234.5"));
        Assert.Equal("0.00", TemplateFunctions.Money(0));
        Assert.Equal("", TemplateFunctions.Money(null));
        Assert.Equal("", TemplateFunctions.Money(""));
        Assert.Equal("约三千", TemplateFunctions.Money("约三千"));
    }

    [Fact]
    public void Checked_matches_strings_arrays_and_category_labels()
    {
        Assert.Equal("true", TemplateFunctions.Checked("最低生活保障", "最低生活保障"));
        Assert.Equal("true", TemplateFunctions.Checked("低保", "最低生活保障"));
        Assert.Equal("true", TemplateFunctions.Checked("最低生活保障对象", "最低生活保障"));
        Assert.Equal("true", TemplateFunctions.Checked("特困人员", "特困人员救助"));
        Assert.Equal("false", TemplateFunctions.Checked("低保边缘家庭", "最低生活保障"));
        Assert.Equal("false", TemplateFunctions.Checked(null, "最低生活保障"));
        Assert.Equal("false", TemplateFunctions.Checked("", ""));
        var array = new ScriptArray { "临时救助", "低保" };
        Assert.Equal("true", TemplateFunctions.Checked(array, "最低生活保障"));
        Assert.Equal("false", TemplateFunctions.Checked(array, "特困人员救助"));
        Assert.Equal("true", TemplateFunctions.Checked(new[] { "已婚" }, "已婚"));
        Assert.Equal("false", TemplateFunctions.Checked(new ScriptArray(), "已婚"));
        Assert.Equal("true", TemplateFunctions.Checked(true, "有"));
        Assert.Equal("false", TemplateFunctions.Checked(false, "有"));
    }

    [Fact]
    public void Or_default()
    {
        Assert.Equal("男", TemplateFunctions.OrDefault(null, "男"));
        Assert.Equal("男", TemplateFunctions.OrDefault(" ", "男"));
        Assert.Equal("女", TemplateFunctions.OrDefault("女", "男"));
        Assert.Equal(0L, TemplateFunctions.OrDefault(0L, 5L));
        Assert.Null(TemplateFunctions.OrDefault(null, null));
    }

    [Fact]
    public void Registered_under_snake_case_names_and_usable_from_scriban()
    {
        var so = TemplateFunctions.CreateScriptObject();
        Assert.Equal(TemplateFunctions.Names.Order(), so.Keys.Order());
        foreach (var name in TemplateFunctions.Names)
            Assert.False(so.CanWrite(name), name);

        using var temp = new TempTemplates().AddForm("functions", """
            <document title="t" paper="A4" orientation="portrait"><p>{{ id_sex id }}|{{ id_birth id }}|{{ id_age id "2024-07-03" }}|{{ id_valid id }}|{{ mask_id id }}|{{ date_cn "2024-05-30" }}|{{ month_cn "2024-05-30" }}|{{ money 1234 }}|{{ checked cats "最低生活保障" }}|{{ or_default nothing "—" }}|{{ id | id_sex }}</p></document>
            """,
            """{"type":"object","properties":{"id":{"type":"string"},"cats":{"type":"array","items":{"type":"string"}},"nothing":{"type":["string","null"]}}}""");
        var catalog = TemplateCatalog.Load(temp.Root);
        var markup = TestCatalog.Renderer.RenderMarkup(catalog.Get("test.functions"), """{"id":"34172319580312001X","cats":["低保"]}""");
        var p = MarkupAssert.Valid(markup).Root!.Element("p")!;
        Assert.Equal("男|1958年3月|66|true|341723********001X|2024年5月30日|2024年5月|1,234.00|true|—|男", p.Value);
    }

    [Fact]
    public void Templates_cannot_overwrite_a_function()
    {
        using var temp = new TempTemplates().AddForm("overwrite", """
            {{ money = 1 }}<document title="t" paper="A4" orientation="portrait"/>
            """);
        var ex = Assert.Throws<TemplateLoadException>(() => TemplateCatalog.Load(temp.Root));
        Assert.Contains("test.overwrite", ex.Message);
    }
}
