using System.Text.RegularExpressions;
using FormArchive.Renderer.Rendering;
using FormArchive.Templates;
using FormArchive.Tests.Templates;
using Newtonsoft.Json.Linq;
using UglyToad.PdfPig;

namespace FormArchive.Tests.Forms;

/// <summary>
/// 池州 attachments 6–11 and the two 云阳 forms, rendered to PDF and read back with PdfPig: fixed labels of the
/// paper forms (from the seed text), the rules they print, and no ID number on a public notice.
/// </summary>
public partial class NoticeAndYunyangFormsTests
{
    private static string PdfText(string formId, string? json)
    {
        var markup = FormsFixture.Templates.RenderMarkup(FormsFixture.Catalog.Get(formId), json);
        var pdf = new DocumentRenderer().Render(Renderer.Markup.MarkupParser.Parse(markup), OutputFormat.Pdf).Content;
        using var document = PdfDocument.Open(pdf);
        return Regex.Replace(string.Concat(document.GetPages().Select(p => string.Concat(p.Letters.Select(l => l.Value)))), @"\s+", "");
    }

    private static int PageCount(string formId, string? json)
    {
        var markup = FormsFixture.Templates.RenderMarkup(FormsFixture.Catalog.Get(formId), json);
        return new DocumentRenderer().Render(Renderer.Markup.MarkupParser.Parse(markup), OutputFormat.Pdf).PageCount ?? 0;
    }

    private const string Decision = "根据《社会救助暂行办法》/《池州市最低生活保障工作操作规程》/《安徽省特困人员认定办法》/《安徽省低收入人口认定及救助暂行办法》/池州市《关于加强低收入人口动态监测做好分层分类社会救助工作的实施意见》/《安徽省临时救助工作操作规程》等文件规定";
    private const string ThreeCopies = "（本决定书一式三份，县（区）民政局、乡镇人民政府/街道办事处各留存一份，送达人留存一份）";

    /// <summary>Fixed labels of each paper form, as in the seed (full-width punctuation).</summary>
    public static TheoryData<string, string[]> FixedLabels => new()
    {
        { "chizhou.review-publicity", [
            "池州市低收入人口审核公示单", "（工作人员填写）", "你村（居）下列家庭申请", "最低生活保障", "特困人员救助", "低保边缘家庭",
            "刚性支出困难家庭", "其他低收入人口", "现将审核等有关情况予以公示，接受社会监督。", "如有异议，请尽可能提供事实依据，可直接向乡镇人民政府（街道办事处）反映。",
            "公示时间：", "（公示期为7天）。", "举报电话：", "乡镇人民政府/街道办事处（盖章）", "序号", "保障对象姓名", "申请人姓名",
            "家庭所在村（居）", "家庭人口数", "拟保障人口数", "拟保障金额（元）",
            "注：1.由乡镇人民政府（街道办事处）在申请人所在村（居）民委员会设置的村（居）务公开栏公示，本次所有新增民政救助对象的信息都要公示。",
            "2.低保边缘家庭、刚性支出困难家庭、其他低收入人口“拟保障金额”填“无”。"] },
        { "chizhou.rejection-notice", [
            "池州市低收入人口不予批准告知书", "（工作人员填写）", "年第", "号）", "乡镇（街道）", "村（居）民委员会", "同志：", "您于", "提交申请，经调查审核，您家庭因",
            "共同生活的家庭成员收入不符合相关规定，具体表现为：", "家庭财产状况不符合相关规定，具体表现为：", Decision,
            "您家庭不符合（", "最低生活保障", "特困人员救助供养", "低保边缘家庭", "刚性支出困难家庭", "其他低收入人口", "临时救助）认定条件，不予批准。",
            "若不服本告知书，可自收到本告知书之日起15日内向本单位提出复查申请。", "受送达人（签名）：", "审核确认单位（盖章）", ThreeCopies] },
        { "chizhou.approval-notice", [
            "池州市低收入人口审核确认告知书", "（工作人员填写）", "年第", "号）", "乡镇（街道）", "村（居）民委员会", "同志：", "您于", "提交申请，", Decision,
            "经调查审核认定，您家庭（个人）符合：", "最低生活保障", "特困人员救助供养", "低保边缘家庭", "刚性支出困难家庭", "其他低收入人口", "临时救助",
            "若对上述决定有异议，可自收到本告知书之日起15日内向本单位提出复查申请。", "受送达人（签名）：", "审核确认单位（盖章）", ThreeCopies] },
        { "chizhou.approval-publicity", [
            "池州市低收入人口审核确认公示单", "（工作人员填写）",
            "经审核确认，以下家庭纳入（享受）低保对象（特困人员、低保边缘家庭、刚性支出困难家庭）救助，现进行公示。", "监督电话：",
            "申请人姓名", "保障人口数", "家庭人口数", "保障金额（元/月）", "家庭所在村（居）", "审核确认单位（盖章）"] },
        { "chizhou.benefit-adjustment-notice", [
            "池州市低收入人口保障金调整（停发）告知书", "（工作人员填写）", "年第", "号）", "乡镇（街道）", "村（居）民委员会", "同志：",
            "，您家庭", "人均月收入", "财产状况发生变化，根据《池州市最低生活保障工作操作规程》/《安徽省特困人员认定办法》等规定，经过重新认定，决定对您家庭保障金额作如下调整：",
            "增（减）：家庭保障金额由原", "/月调整为", "/月。", "调整原因：", "停发：从", "月起，对您家庭领取的保障金予以停发。", "停发原因：",
            "若不服上述决定，可自收到本告知书之日起60日内申请行政复议。", "受送达人（签名）：", "审核确认单位（盖章）", ThreeCopies] },
        { "chizhou.dynamic-management-record", [
            "池州市低收入人口动态管理记录表", "姓名", "性别", "纳入保障时间", "家庭住址", "入户时间", "调查人", "调查情况：", "调查结论：", "调查单位（盖章）"] },
        { "yunyang.application", [
            "云阳县低保和临时救助申请书", "申请人姓名", "性别", "民族", "身份证号码", "出生年月", "户籍地址", "居住地址", "联系电话", "家庭人口数",
            "申请事项", "最低生活保障", "临时救助", "共同生活家庭成员情况", "与申请人关系", "家庭经济状况（口头询问）", "申请理由（致困原因）",
            "开户银行", "户名", "账号", "农村商业银行账号", "本人承诺", "申请人（签名）：", "代办人（签名）：", "申请人指印（按手印）", "受理人（签名）", "受理单位"] },
        { "yunyang.economic-survey", [
            "云阳县低保和临时救助经济状况核查表", "镇（街道）", "村（社区）", "核查日期：", "申请人姓名", "身份证号码", "居住地址", "家庭人口数", "申请事项",
            "共同生活家庭成员情况", "家庭年收入（元）", "工资性收入", "家庭经营净收入", "财产净收入", "转移净收入", "其他收入", "家庭财产", "住房", "机动车辆",
            "存款、有价证券", "其他财产", "刚性支出（元/年）", "医疗", "教育", "入户核查情况", "核查意见", "核查人员（签名）", "协助人员", "申请人确认",
            "申请人（签名）：", "申请人指印（按手印）", "2名以上（含2名）工作人员入户核查"] },
    };

    [Theory]
    [MemberData(nameof(FixedLabels))]
    public void The_blank_form_prints_every_fixed_label_of_the_paper_form(string formId, string[] labels)
    {
        var text = PdfText(formId, null);
        var missing = labels.Where(l => !text.Contains(Regex.Replace(l, @"\s+", ""), StringComparison.Ordinal)).ToList();
        Assert.True(missing.Count == 0, $"{formId} lacks: {string.Join(" | ", missing)}");
    }

    [Fact]
    public void Yunyang_forms_name_their_source_document()
    {
        foreach (var id in new[] { "yunyang.application", "yunyang.economic-survey" })
            Assert.Equal("巴阳府发〔2021〕10号", FormsFixture.Catalog.Get(id).Metadata.SourceDocument);
    }

    // ── public notices: no ID numbers ──────────────────────────────────────────────

    [GeneratedRegex(@"\d{17}[\dXx]")]
    private static partial Regex IdPattern();

    private static readonly string[] PublicNotices = ["chizhou.review-publicity", "chizhou.approval-publicity"];

    /// <summary>A case file full of ID numbers (applicant, members, supporters) that also carries both public notices.</summary>
    private static string CaseFullOfIdNumbers()
    {
        var json = JObject.Parse(TestPaths.ReadSample("case.json"));
        json["review_publicity"] = JObject.Parse(TestPaths.ReadSample("publicity-review.json"))["review_publicity"];
        json["approval_publicity"] = JObject.Parse(TestPaths.ReadSample("publicity-approval.json"))["approval_publicity"];
        Assert.True(IdPattern().Matches(json.ToString()).Count >= 6);
        return json.ToString();
    }

    [Fact]
    public void Public_notices_never_print_ID_numbers_even_from_a_case_full_of_them()
    {
        var data = CaseFullOfIdNumbers();
        foreach (var id in PublicNotices)
        {
            var text = PdfText(id, data);
            Assert.Contains("汪德顺", text); // the families are printed …
            Assert.DoesNotMatch(IdPattern(), text); // … their ID numbers are not
            Assert.DoesNotContain("身份证", text);
        }
    }

    [Fact]
    public void Public_notices_have_no_ID_number_in_their_schema_or_template()
    {
        foreach (var id in PublicNotices)
        {
            var form = FormsFixture.Catalog.Get(id);
            var name = id.Split('.')[1];
            var schema = File.ReadAllText(Path.Combine(TestPaths.TemplatesRoot, "chizhou", name + ".schema.json"));
            var template = File.ReadAllText(Path.Combine(TestPaths.TemplatesRoot, "chizhou", name + ".scriban"));
            foreach (var forbidden in new[] { "id_number", "mask_id", "applicant.", "\"applicant\"", "members", "supporters" })
            {
                Assert.DoesNotContain(forbidden, schema);
                Assert.DoesNotContain(forbidden, template);
            }
            // nothing in the notice's own data can hold one: a family row with an ID number is refused
            var withId = """{ "review_publicity": { "families": [ { "applicant_name": "汪德顺", "id_number": "34172319580312001X" } ] }, "approval_publicity": { "families": [ { "applicant_name": "汪德顺", "id_number": "34172319580312001X" } ] } }""";
            var errors = FormsFixture.Templates.Validate(form, withId);
            Assert.Contains(errors, e => e.Path.Contains("families[0]", StringComparison.Ordinal));
        }
    }

    // ── rules printed ─────────────────────────────────────────────────────────────

    [Fact]
    public void Review_publicity_prints_the_7_day_period_end_date_computed_from_the_start()
    {
        var text = PdfText("chizhou.review-publicity", TestPaths.ReadSample("publicity-review.json"));
        Assert.Contains("公示时间：2024年7月10日至2024年7月16日（公示期为7天）。", text);
    }

    [Fact]
    public void Review_publicity_prints_无_as_proposed_amount_for_the_three_categories_and_lists_families_in_category_order()
    {
        var text = PdfText("chizhou.review-publicity", TestPaths.ReadSample("publicity-review.json"));
        // 特困 陈金宝, 低保 汪德顺 and 吴有福 (data order kept), 低保边缘 周桂芳, 刚性支出 刘明华, 其他低收入 买买提·艾力
        Assert.Contains("1陈金宝陈金宝新河村111,086.00", text);
        Assert.Contains("汪德顺桂花村551,675.00", text);
        Assert.Contains("3吴有福、吉𠮷吴有福双河社区321,005.00", text);
        Assert.Contains("4周桂芳周桂芳桂花村33无", text); // the data's 300 is not printed
        Assert.Contains("5刘明华、刘小燕刘明华新河村42无", text);
        Assert.Contains("6买买提·艾力买买提·艾力双河社区21无", text);
        Assert.DoesNotContain("300.00", text);
    }

    [Fact]
    public void Approval_publicity_lists_families_in_category_order()
    {
        var text = PdfText("chizhou.approval-publicity", TestPaths.ReadSample("publicity-approval.json"));
        var order = new[] { "陈金宝", "汪德顺", "吴有福", "周桂芳", "刘明华" }.Select(n => text.IndexOf(n, StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(-1, order);
        Assert.Equal(order.Order(), order);
        Assert.Contains("周桂芳33无桂花村", text);
    }

    [Theory]
    [InlineData("chizhou.rejection-notice", "notice-rejection.json", "（2024年第17号）", "15日内向本单位提出复查申请")]
    [InlineData("chizhou.approval-notice", "notice-approval.json", "（2024年第3号）", "15日内向本单位提出复查申请")]
    [InlineData("chizhou.benefit-adjustment-notice", "notice-adjustment.json", "（2024年第42号）", "60日内申请行政复议")]
    public void Notices_print_the_number_from_the_data_and_their_appeal_window(string formId, string sample, string number, string window)
    {
        var text = PdfText(formId, TestPaths.ReadSample(sample));
        Assert.Contains(number, text);
        Assert.Contains(window, text);
    }

    [Theory]
    [InlineData("chizhou.rejection-notice", "rejection")]
    [InlineData("chizhou.approval-notice", "approval")]
    [InlineData("chizhou.benefit-adjustment-notice", "benefit_adjustment")]
    public void A_notice_number_below_1_is_refused_naming_the_json_path(string formId, string member)
    {
        var json = $$"""{ "{{member}}": { "number": { "year": 2024, "number": 0 } } }""";
        var ex = Assert.Throws<FormDataException>(() => FormsFixture.Templates.RenderMarkup(FormsFixture.Catalog.Get(formId), json));
        Assert.Contains(ex.Errors, e => e.Path == $"$.{member}.number.number");
    }

    [Fact]
    public void Dynamic_management_record_keeps_3_blocks_a_page_and_continues_with_more_visits()
    {
        Assert.Equal(1, PageCount("chizhou.dynamic-management-record", null));
        Assert.Equal(3, Regex.Matches(PdfText("chizhou.dynamic-management-record", null), "入户时间").Count);
        var sample = TestPaths.ReadSample("management-visits.json");
        Assert.Equal(2, PageCount("chizhou.dynamic-management-record", sample));
        var text = PdfText("chizhou.dynamic-management-record", sample);
        Assert.Equal(6, Regex.Matches(text, "入户时间").Count); // 4 visits + 2 blank blocks on the continuation page
        Assert.Contains("2024年9月24日", text);
        Assert.Contains("纳入保障时间2023年9月", text);
    }

    [Fact]
    public void Yunyang_forms_fit_one_page_and_print_the_bank_account_and_investigators()
    {
        var sample = TestPaths.ReadSample("yunyang-case.json");
        foreach (var id in new[] { "yunyang.application", "yunyang.economic-survey" })
        {
            Assert.Equal(1, PageCount(id, null));
            Assert.Equal(1, PageCount(id, sample));
        }
        var application = PdfText("yunyang.application", sample);
        Assert.Contains("重庆农村商业银行云阳支行", application);
        Assert.Contains("6214660012345678901", application);
        Assert.Contains("申请人2019年确诊尿毒症", application);
        var survey = PdfText("yunyang.economic-survey", sample);
        Assert.Contains("（刘红梅）", survey);
        Assert.Contains("（向国华）", survey);
    }
}
