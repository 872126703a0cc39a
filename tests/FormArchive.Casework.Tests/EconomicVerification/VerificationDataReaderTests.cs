using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FormArchive.Casework.Checklist;
using FormArchive.Casework.EconomicVerification;
using FormArchive.Ingest.Recognition;
using FormArchive.Tests.Templates;

namespace FormArchive.Tests.Casework.EconomicVerification;

/// <summary>
/// The 核对 data as the 核对机构 posts it, read into the form it is kept in: canonical (so a repost is the same bytes),
/// matched to the household, and refused field by field in Chinese — never by JSON path.
/// </summary>
public sealed class VerificationDataReaderTests
{
    private static readonly HouseholdMember[] Household = [new("张三", "11010519491231002X"), new("孙明红", "370202194004297733")];
    private static readonly (string, string) Applicant = ("张三", "11010519491231002X");
    private static readonly DateOnly Today = new(2025, 6, 30);

    private static JsonObject Sample() => JsonNode.Parse(File.ReadAllText(TestPaths.Sample("verification-result/result.json")))!.AsObject();

    private static JsonObject Read(JsonNode data) => VerificationDataReader.Read(data.ToJsonString(), Household, Applicant, Today);

    private static IReadOnlyList<VerificationProblem> Problems(JsonNode data) =>
        Assert.Throws<VerificationDataException>(() => Read(data)).Problems;

    [Fact]
    public void The_sample_is_kept_canonically_and_the_same_data_written_otherwise_is_the_same()
    {
        var kept = Read(Sample());
        Assert.Equal("14400.00", kept["incomes"]![0]!["amount"]!.ToJsonString());
        Assert.Equal("7920.00", kept["incomes"]![1]!["amount"]!.ToJsonString()); // given as a string
        Assert.Equal([true, true, false], kept["members"]!.AsArray().Select(m => (bool)m!["inHousehold"]!));
        Assert.Empty(kept["vehicles"]!.AsArray());

        var other = Sample();
        other["incomes"]![0]!["amount"] = 14400.000m;
        other["members"]![0]!["idNumber"] = "11010519491231002x";
        other["conclusion"] = "  " + (string)other["conclusion"]! + "\r\n";
        other["reportNumber"] = " 贵池核〔2025〕0317号 ";
        var reversed = new JsonObject(other.Reverse().Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())));
        Assert.Equal(kept.ToJsonString(), Read(reversed).ToJsonString());
    }

    [Fact]
    public void Every_problem_names_its_field_in_Chinese()
    {
        var data = Sample();
        data["reportNumbr"] = "x";
        data["checkedOn"] = "2025-07-01"; // after today
        data["perCapitaMonthlyIncome"] = 930.005m;
        data["members"]![2]!["idNumber"] = "34170219750812162";
        data["incomes"]![0]!["periodEnd"] = "2024-01-01";
        data["realEstate"]![0]!["area"] = "八十六";
        data["businesses"] = new JsonArray(new JsonObject { ["name"] = "张三", ["entityName"] = "池州市某小卖部", ["creditCode"] = "91110108551385082A" });
        data["otherFindings"] = new JsonObject();
        var problems = Problems(data);
        Assert.Equal(
        [
            "核对数据", "家庭月人均收入（元）", "核对日期", "核对对象第 3 项的公民身份号码", "收入第 1 项的截止日期", "不动产第 1 项的建筑面积（平方米）",
            "工商登记第 1 项的统一社会信用代码", "其他核对信息", "收入第 3 项的公民身份号码",
        ], problems.Select(p => p.Field));
        Assert.All(problems, p => Assert.DoesNotContain("$", p.Field + p.Message));
        Assert.Contains("没有名为“reportNumbr”的字段", problems[0].Message);
        Assert.Equal("金额最多精确到分（两位小数），不能是 930.005。", problems[1].Message);
        Assert.Contains("晚于今天（2025-06-30）", problems[2].Message);
        Assert.Contains("应为18位", problems[3].Message);
        Assert.Contains("早于起始日期 2024-03-01", problems[4].Message);
        Assert.Contains("校验位错误：第18位应为“Q”", problems[6].Message);
        Assert.Contains("不是任何一位核对对象的号码", problems[8].Message); // 张小英's number, refused above, names nobody checked
    }

    [Fact]
    public void A_number_of_the_household_must_carry_its_member_s_name_and_the_applicant_must_be_checked()
    {
        var data = Sample();
        data["members"]![1]!["name"] = "孙明";
        data["financialAssets"] = new JsonArray(); // its row names 孙明红
        var problem = Assert.Single(Problems(data));
        Assert.Equal("核对对象第 2 项的姓名", problem.Field);
        Assert.Equal("公民身份号码 370202********7733 在本案家庭成员中登记为“孙明红”，与“孙明”不符。", problem.Message);

        var withoutApplicant = new JsonObject
        {
            ["checkedOn"] = "2025-03-04", ["members"] = new JsonArray(new JsonObject { ["name"] = "孙明红", ["idNumber"] = "370202194004297733" }),
        };
        Assert.Contains("没有本案申请人张三（110105********002X）", Assert.Single(Problems(withoutApplicant)).Message);
        // Named without a number, the applicant is found by name.
        withoutApplicant["members"]!.AsArray().Add(new JsonObject { ["name"] = "张三" });
        Assert.Equal([true, true], Read(withoutApplicant)["members"]!.AsArray().Select(m => (bool)m!["inHousehold"]!));
    }

    [Fact]
    public void Malformed_data_is_named_by_line_not_by_path()
    {
        var problem = Assert.Single(Assert.Throws<VerificationDataException>(
            () => VerificationDataReader.Read("{\n  \"checkedOn\": 2025-03-04\n}", Household, Applicant, Today)).Problems);
        Assert.Equal("核对数据", problem.Field);
        Assert.StartsWith("不是有效的 JSON（第 2 行", problem.Message);
        Assert.Equal("应为一个 JSON 对象。", Assert.Single(Assert.Throws<VerificationDataException>(
            () => VerificationDataReader.Read("[]", Household, Applicant, Today)).Problems).Message);
    }

    [Fact]
    public void The_result_is_an_item_of_the_checklist_that_the_applicant_is_not_asked_for()
    {
        var items = new List<ChecklistItem> { new("bank", "银行账户（银行卡或存折）", false), CaseChecklist.VerificationItem(filed: false) };
        Assert.Equal(["bank"], CaseChecklist.MissingFromApplicant(items).Select(i => i.Code));
        var missing = (List<string>)((Dictionary<string, object?>)CaseChecklist.SupplementNoticeData("张三", items)["supplement"]!)["missing"]!;
        Assert.Equal(["银行账户（银行卡或存折）"], missing);
        Assert.True(CaseChecklist.VerificationItem(filed: true).Present);
    }

    /// <summary>docs/verification-result.md prints the labels table: the same fields, labels, kinds and required ones, in order.</summary>
    [Fact]
    public void The_docs_print_the_labels_table_as_the_code_has_it()
    {
        static string Kind(VerificationFieldKind k) => k switch
        {
            VerificationFieldKind.LongText => "long text",
            VerificationFieldKind.IdNumber => "ID number",
            VerificationFieldKind.CreditCode => "credit code",
            _ => k.ToString().ToLowerInvariant(),
        };
        static string Row(string list, VerificationField f) => $"| {list} | `{f.Name}` | {f.Label} | {Kind(f.Kind)} | {(f.Required ? "yes" : "")} |";
        var expected = VerificationFields.Report.Select(f => Row("(the report)", f))
            .Concat(VerificationFields.Sections.SelectMany(s => s.Fields
                .Where(f => s == VerificationFields.Members || (f != VerificationFields.OwnerName && f != VerificationFields.OwnerIdNumber))
                .Select(f => Row($"`{s.Name}` {s.Label}", f))));
        var printed = File.ReadAllLines(Path.Combine(TestPaths.RepoRoot, "docs", "verification-result.md"))
            .Where(l => Regex.IsMatch(l, @"^\| (\(the report\)|`\w+` [^|]+) \| `"))
            .Select(l => l.Replace("|  |", "| |", StringComparison.Ordinal));
        Assert.Equal(expected.Select(r => r.Replace("|  |", "| |", StringComparison.Ordinal)), printed);
    }
}
