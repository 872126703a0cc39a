using FormArchive.Renderer.Rendering;
using UglyToad.PdfPig;

namespace FormArchive.Tests.Forms;

/// <summary>
/// The fixed labels of the paper forms (池民社救〔2024〕56号 attachments 1, 2 and 5, as in the seed text with full-width
/// punctuation) are all in the PDF, read back with PdfPig (letters concatenated, white space removed), blank and filled.
/// </summary>
public class ApplicationFormLabelTests
{
    public static readonly Dictionary<string, string[]> Labels = new()
    {
        ["chizhou.application-pledge"] =
        [
            "池州市低收入人口申请及诚信承诺书", "本人姓名", "现因家庭生活困难，提出社会救助申请，并自愿作出如下承诺：",
            "1.本人所提供的全部信息、佐证材料均真实、完整，并愿意接受有关部门调查。",
            "2.本人愿意接受并主动配合乡镇（街道）组织的入户调查，同意乡镇人民政府（街道办事处）按照“特困人员”“最低生活保障对象”“低保边缘家庭”“刚性支出困难家庭”“其他低收入人口”“临时救助”的认定顺序逐类进行审核确认。",
            "3.本人在社会救助保障期间，家庭人口、收入和财产发生变化，已明显不符合社会救助保障条件时，主动向乡镇人民政府（街道办事处）报告，及时办理退出手续。",
            "本人及其他共同生活家庭成员愿意接受所领取金额1-3倍的罚款", "并自愿承担相应法律责任。", "申请人：", "联系电话：",
        ],
        ["chizhou.verification-authorization"] =
        [
            "编号：居经授第", "居民家庭经济状况核对授权书", "本人", "（申请人）同意授权", "（审批机构）及全国各级居民家庭经济状况核对机构",
            "对本人基本信息及家庭经济状况信息进行查询、核算和比对",
            "本人亦同意授权合法留存本人基本信息和家庭经济状况信息的前述机构予以配合提供本人基本信息和家庭经济状况信息。",
            "本授权有效期限自签署之日起至申请人退出该事项止。",
            "本人承诺以下身份证件号码、签名（或指印）均真实有效，如有虚构、隐瞒、伪造，本人愿意承担相应法律责任及后果。",
            "本人声明：本人已仔细阅读上述所有条款及填写须知，且对所有条款的含义及相应的法律后果已全部知晓并充分理解，本人自愿作出上述授权、承诺和声明。",
            "授权人信息", "姓名", "与申请人关系", "身份证号码", "签名/指印",
            "监护人信息", "被监护人姓名", "与被监护人关系", "经办人员：", "授权日期：",
        ],
        ["chizhou.home-visit-survey"] =
        [
            "池州市低收入人口入户调查表", "（工作人员填写）", "乡镇（街道）", "村（社区）", "调查时间：",
            "生活自理能力评估（申请特困人员需填写）", "项目", "吃饭", "穿衣", "上下床", "如厕", "室内行走", "洗澡", "能否自主完成",
            "结论", "有生活自理能力", "部分生活自理能力", "完全丧失生活自理能力",
            "乡镇人民政府（街道办事处）意见", "一、审核确认权限下放事项：", "经审核、评议、公示无异议：", "村（居）", "确认纳入（给予）",
            "最低生活保障范围（城市/农村），人均补助金额", "/月，家庭补助金额",
            "特困人员供养保障范围（城市/农村），供养形式为", "分散供养", "集中供养", "基本生活标准",
            "照料护理标准为：", "全护理标准", "半护理标准", "全自理标准", "临时救助，一次性救助金额为",
            "二、审核事项", "同意纳入（给予）", "低保边缘家庭", "刚性支出困难家庭",
            "经办人员签名", "民政办负责人签名", "负责人签名",
            "县（区）民政局意见", "经审核，同意你乡镇（街道）对", "家庭审核意见，从", "月起执行上述救助事项。",
            "申请人姓名", "家庭人口数", "户籍地址", "实际居住地", "家庭经济状况",
            "1.共同生活家庭成员基本情况信息", "姓名", "与申请人关系", "性别", "婚姻状况", "健康状况（健康、一般、残疾、患病）",
            "职业状况", "月收入", "刚性支出", "身份证号码", "2.法定赡（抚、扶）养义务人信息",
            "家庭困难综合情况", "3.是否与申请材料一致：", "说明情况：", "入户调查人员签字（两人以上）：",
            "以上入户调查填写情况属实：", "被调查家庭成员代表签字：",
            "填表说明：1.家庭经济状况填写家庭收入、财产和支出等情况；", "2.家庭困难综合情况填写造成家庭经济困难的主要原因。",
        ],
    };

    public static IEnumerable<object?[]> Cases() =>
        from form in Labels.Keys
        from sample in new[] { null, "case-dibao-9-members.json", "case-tekun.json", "case-other-low-income-sparse.json" }
        select new object?[] { form, sample };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_fixed_label_of_the_paper_form_is_in_the_pdf(string formId, string? sample)
    {
        var pdf = new DocumentRenderer().Render(FormsFixture.Model(formId, sample), OutputFormat.Pdf).Content;
        using var document = PdfDocument.Open(pdf);
        var text = string.Concat(document.GetPages().SelectMany(p => p.Letters).Select(l => l.Value).Where(s => !string.IsNullOrWhiteSpace(s)));
        var missing = Labels[formId].Select(l => l.Replace(" ", "")).Where(l => !text.Contains(l, StringComparison.Ordinal)).ToList();
        Assert.True(missing.Count == 0, "missing: " + string.Join(" | ", missing));
    }

    [Fact]
    public void The_authorization_has_a_row_for_every_member_of_a_large_household()
    {
        var pdf = new DocumentRenderer().Render(FormsFixture.Model("chizhou.verification-authorization", "case-dibao-9-members.json"), OutputFormat.Pdf).Content;
        using var document = PdfDocument.Open(pdf);
        var words = document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text).ToList();
        foreach (var name in new[] { "陶永平", "汪月娥", "陶长根", "陶志勇", "章小红", "陶子豪", "陶子萱", "陶志芳", "陶永安" })
            Assert.Contains(name, words);
        Assert.Contains("341723202407160087", string.Concat(words));
    }

    [Fact]
    public void Names_with_a_middle_dot_and_characters_outside_the_BMP_read_back()
    {
        foreach (var (sample, name) in new[] { ("case-marginal-minority.json", "买买提·艾力"), ("case-tekun.json", "𠮷德福") })
        {
            foreach (var form in Labels.Keys)
            {
                var pdf = new DocumentRenderer().Render(FormsFixture.Model(form, sample), OutputFormat.Pdf).Content;
                using var document = PdfDocument.Open(pdf);
                var text = string.Concat(document.GetPages().SelectMany(p => p.Letters).Select(l => l.Value));
                Assert.Contains(name, text);
            }
        }
    }
}
