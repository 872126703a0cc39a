using System.Xml.Linq;

namespace FormArchive.Tests.Templates;

public class ChizhouReviewFormTests
{
    private static readonly string[] MemberHeader =
        ["姓名", "与申请人关系", "婚姻状况", "健康状况（健康、一般、残疾、患病）", "职业状况", "年收入", "年刚性支出", "身份证号码"];

    private static readonly string[] SupporterHeader =
        ["姓名", "年赡（抚、扶）养费", "性别", "与申请人关系", "婚姻状况", "健康状况（健康、一般、残疾、患病）", "职业状况", "年收入", "身份证号码"];

    private const string Note1 = "1.职业状况填写以下分类：（1）老年人（60周岁及以上）；（2）在职职工；（3）灵活就业人员；（4）登记失业人员；（5）未登记失业人员；（6）已成年但不能独立生活的子女，包括在校接受本科及其以下学历教育的成年子女；（7）其他人员（18周岁以下）。";
    private const string Note2 = "2.家庭经济状况填写家庭收入、财产和支出等情况。";

    private static XElement Render(string? json) =>
        MarkupAssert.Valid(TestCatalog.Renderer.RenderMarkup(TestCatalog.Instance.Get("chizhou.review-form"), json)).Root!;

    private static string Cell(XElement td) => string.Concat(td.Nodes().Select(n => n is XElement { Name.LocalName: "br" } ? "" : n is XElement e ? e.Value : ((XText)n).Value)).Trim();

    private static List<XElement> Tables(XElement doc) => doc.Elements("table").ToList();

    /// <summary>Rows after the two header rows.</summary>
    private static List<List<string>> DataRows(XElement table) =>
        table.Elements("tr").Skip(2).Select(tr => tr.Elements("td").Select(Cell).ToList()).ToList();

    [Fact]
    public void Blank_form_reproduces_the_paper_form()
    {
        var doc = Render(null);
        Assert.Equal("landscape", (string?)doc.Attribute("orientation"));
        Assert.Equal("池州市低收入人口审核确认表", doc.Element("h1")!.Value);
        Assert.Equal("（工作人员填写）", MarkupAssert.Text(doc.Elements("p").First()));

        var tables = Tables(doc);
        Assert.Equal(4, tables.Count);

        // applicant block
        var applicant = tables[0];
        var labels = applicant.Descendants("td").Select(Cell).Where(t => t.Length > 0).ToList();
        Assert.Equal(["申请人", "姓名", "性别", "民族", "家庭人口数", "照片粘贴处", "户籍地", "出生年月", "居住地", "保障类别",
                      "最低生活保障　特困人员救助　低保边缘家庭　刚性支出困难家庭　其他低收入人口",
                      "家庭成员近亲属中有无申办事项经办人员、村干部"], labels);
        var photo = applicant.Descendants("td").Single(td => Cell(td) == "照片粘贴处");
        Assert.Equal("3", (string?)photo.Attribute("rowspan"));
        var boxes = applicant.Descendants("checkbox").ToList();
        Assert.Equal(5, boxes.Count);
        Assert.All(boxes, b => Assert.Equal("false", (string?)b.Attribute("checked")));

        // 共同生活家庭成员: title row + header row repeat, 6 blank rows like the paper form
        var members = tables[1];
        Assert.Equal("2", (string?)members.Attribute("header-rows"));
        Assert.Equal("共同生活家庭成员", Cell(members.Elements("tr").First().Element("td")!));
        Assert.Equal(MemberHeader, members.Elements("tr").ElementAt(1).Elements("td").Select(Cell));
        var memberRows = DataRows(members);
        Assert.Equal(6, memberRows.Count);
        Assert.All(memberRows, r => Assert.All(r, c => Assert.Equal("", c)));

        // 非共同生活赡抚扶养人信息: 3 blank rows
        var supporters = tables[2];
        Assert.Equal("2", (string?)supporters.Attribute("header-rows"));
        Assert.Equal("非共同生活赡抚扶养人信息", Cell(supporters.Elements("tr").First().Element("td")!));
        Assert.Equal(SupporterHeader, supporters.Elements("tr").ElementAt(1).Elements("td").Select(Cell));
        Assert.Equal(3, DataRows(supporters).Count);

        // 家庭经济状况: tall cell
        var economy = tables[3];
        var row = Assert.Single(economy.Elements("tr"));
        Assert.Equal("家庭经济状况", Cell(row.Elements("td").First()));
        Assert.Equal("45mm", (string?)row.Attribute("height"));

        // 填表说明 verbatim
        var notes = doc.Elements("p").Select(MarkupAssert.Text).ToList();
        Assert.Equal(["（工作人员填写）", "填表说明：", Note1, Note2], notes);
    }

    [Fact]
    public void The_id_number_column_is_wide_enough_for_18_digits()
    {
        var doc = Render(null);
        foreach (var table in Tables(doc).Skip(1).Take(2))
        {
            var widths = ((string)table.Attribute("widths")!).Split(' ');
            Assert.Equal("46mm", widths[^1]); // 18 digits at 10.5pt ≈ 37mm plus cell padding
        }
    }

    [Fact]
    public void Filled_from_the_sample_case()
    {
        var doc = Render(TestPaths.ReadSample("case.json"));
        var applicant = Tables(doc)[0];
        var cells = applicant.Descendants("td").Select(Cell).ToList();
        int At(string label) => cells.IndexOf(label);
        Assert.Equal("汪德顺", cells[At("姓名") + 1]);
        Assert.Equal("男", cells[At("性别") + 1]);            // from the ID number
        Assert.Equal("汉族", cells[At("民族") + 1]);
        Assert.Equal("5", cells[At("家庭人口数") + 1]);        // counted from the members
        Assert.Equal("1958年3月", cells[At("出生年月") + 1]);   // from the ID number
        Assert.Equal("安徽省池州市青阳县木镇镇桂花村塘坊组18号", cells[At("户籍地") + 1]);
        Assert.Equal("无", cells[^1]);
        var boxes = applicant.Descendants("checkbox").Select(b => (string?)b.Attribute("checked")).ToList();
        Assert.Equal(["true", "false", "false", "false", "false"], boxes);

        var members = DataRows(Tables(doc)[1]);
        Assert.Equal(6, members.Count); // 5 members + 1 blank row up to the paper form's 6
        Assert.Equal(["汪德顺", "本人", "已婚", "患病（慢性阻塞性肺病）", "老年人", "3,600.00", "8,600.00", "34172319580312001X"], members[0]);
        Assert.Equal("3,200.50", members[4][6]);
        Assert.All(members[5], c => Assert.Equal("", c));

        var supporters = DataRows(Tables(doc)[2]);
        Assert.Equal(3, supporters.Count);
        Assert.Equal(["汪春梅", "2,400.00", "女", "长女", "已婚", "健康", "在职职工", "42,000.00", "341723198203060125"], supporters[0]);

        var economy = Tables(doc)[3].Descendants("td").Last();
        Assert.Equal(3, economy.Elements("p").Count());
        Assert.StartsWith("家庭年总收入40,200元", economy.Elements("p").First().Value);
    }

    [Fact]
    public void Fifteen_members_make_fifteen_rows_with_a_repeating_header()
    {
        var doc = Render(TestPaths.ReadSample("case-15-members.json"));
        var members = Tables(doc)[1];
        Assert.Equal("2", (string?)members.Attribute("header-rows"));
        var rows = DataRows(members);
        Assert.Equal(15, rows.Count);
        Assert.All(rows, r => Assert.True(FormArchive.Domain.ChineseIdNumber.IsValid(r[7]), r[7]));
        var applicant = Tables(doc)[0].Descendants("td").Select(Cell).ToList();
        Assert.Equal("15", applicant[applicant.IndexOf("家庭人口数") + 1]);
        // 最低生活保障对象 in the data ticks the 最低生活保障 box
        Assert.Equal("true", (string?)Tables(doc)[0].Descendants("checkbox").First().Attribute("checked"));
    }

    [Fact]
    public void Given_sex_and_birth_date_are_printed_and_must_agree_with_the_id_number()
    {
        var doc = Render("""{"applicant":{"id_number":"","sex":"女","birth_date":"1958-04"}}""");
        var cells = Tables(doc)[0].Descendants("td").Select(Cell).ToList();
        Assert.Equal("女", cells[cells.IndexOf("性别") + 1]);
        Assert.Equal("1958年4月", cells[cells.IndexOf("出生年月") + 1]);
        // A value contradicting a valid ID number is a data error (CaseRules), not silently printed.
        var ex = Assert.Throws<FormArchive.Templates.FormDataException>(() => Render("""{"applicant":{"id_number":"34172319580312001X","sex":"女","birth_date":"1958-04"}}"""));
        Assert.Equal(["$.applicant.birth_date", "$.applicant.sex"], ex.Errors.Select(e => e.Path));
    }

    [Fact]
    public void A_single_category_string_and_abbreviations_tick_the_right_boxes()
    {
        var doc = Render("""{"categories":["特困","刚性支出困难"]}""");
        Assert.Equal(["false", "true", "false", "true", "false"],
            Tables(doc)[0].Descendants("checkbox").Select(b => (string?)b.Attribute("checked")));
        doc = Render("""{"categories":"低保边缘家庭"}""");
        Assert.Equal(["false", "false", "true", "false", "false"],
            Tables(doc)[0].Descendants("checkbox").Select(b => (string?)b.Attribute("checked")));
    }
}
