using System.Text.RegularExpressions;
using FormArchive.Casework.Opening;
using static FormArchive.Tests.Api.CaseApi;

namespace FormArchive.Tests.Casework;

/// <summary>The checks before a case is opened answer the clerk in Chinese, each fault by its JSON path.</summary>
public class CaseApplicationCheckTests
{
    private static readonly CaseApplicant Applicant = new(CorpusName, CorpusIdNumber);

    // English words of three or more letters outside the field names the messages quote (name, idNumber …).
    private static readonly Regex EnglishWord = new(@"\b(?!name\b|idNumber\b|fileNumber\b|categories\b|members\b)[A-Za-z]{3,}\b");

    private static Dictionary<string, string> ProblemsOf(CaseApplication a) =>
        CaseApplicationCheck.Problems(a).ToDictionary(p => p.Path, p => p.Message);

    [Fact]
    public void Every_fault_is_named_in_Chinese_by_its_path()
    {
        var all = new[]
        {
            ProblemsOf(new CaseApplication { CaseId = "20261127-000000000000", FileNumber = " ", Applicant = null, Categories = [], Members = null! }),
            ProblemsOf(new CaseApplication { Applicant = new CaseApplicant("张\n三", "370202194004297734"), Categories = null!, Members = [null!, new CaseMember("", "1")] }),
            ProblemsOf(new CaseApplication { FileNumber = new string('号', 51), Applicant = Applicant, Categories = ["低保", "救济金"] }),
        };
        var expected = new[]
        {
            "$.caseId", "$.fileNumber", "$.applicant", "$.categories", "$.members",
            "$.applicant.name", "$.applicant.idNumber", "$.categories", "$.members[0]", "$.members[1].name", "$.members[1].idNumber",
            "$.fileNumber", "$.categories[1]",
        };
        Assert.Equal(expected, all.SelectMany(p => p.Keys).ToArray());
        Assert.All(all.SelectMany(p => p.Values), m =>
        {
            Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", m);
            Assert.DoesNotMatch(EnglishWord, m);
        });
        Assert.Equal("缺少申请人：须填写申请人的姓名（name）和身份证号码（idNumber）。", all[0]["$.applicant"]);
        Assert.Equal("案件编号由系统生成，请勿填写；本单位的编号请填在 fileNumber（本单位案卷号）中。", all[0]["$.caseId"]);
        Assert.Equal("至少须填写一个救助类别。", all[0]["$.categories"]);
        Assert.StartsWith("未知的救助类别“救济金”，应为以下之一：", all[2]["$.categories[1]"]);
        Assert.Contains("低保", all[2]["$.categories[1]"]);
        Assert.Equal("本单位案卷号最多50个字符。", all[2]["$.fileNumber"]);
    }

    [Fact]
    public void An_unknown_category_is_shown_cut_short()
    {
        var message = ProblemsOf(new CaseApplication { Applicant = Applicant, Categories = [new string('类', 5000)] })["$.categories[0]"];
        Assert.True(message.Length < 200, message);
        Assert.Contains(new string('类', 20) + "…", message);
    }

    [Fact]
    public void The_exceptions_speak_Chinese_too()
    {
        var refused = new CaseApplicationException([new FieldProblem("$.applicant", "缺少申请人。")]);
        Assert.Equal("立案申请有1处问题，第一处：$.applicant：缺少申请人。", refused.Message);
        Assert.Equal("本单位案卷号“T-1”已由秋浦街道的案件 20261127-000000000001 使用，未立新案。",
            new FileNumberInUseException("秋浦街道", "T-1", "20261127-000000000001").Message);
    }
}
