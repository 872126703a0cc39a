using FormArchive.Api.Endpoints;
using FormArchive.Archive.Cases;

namespace FormArchive.Tests.Api;

/// <summary>
/// The 422 of a step refused after its form was filed names the form (the archive's exception is produced by
/// StageFilingTests with two archive instances; this is what the service answers with it).
/// </summary>
public class StepFormProblemsTests
{
    [Fact]
    public void The_refusal_names_the_form_left_filed()
    {
        var document = new DocumentEntry
        {
            No = 4, Title = "池州市低收入人口审核公示单（据案件数据第 1 版）", FileName = "池州市低收入人口审核公示单.pdf", MediaType = "application/pdf",
            Sha256 = new string('a', 64), Sm3 = new string('b', 64), Key = "cases/X/objects/" + new string('a', 64),
        };
        var refusal = new StageRefusedAfterFilingException("20240219-abc", document, new InvalidOperationException("不能记录“公示”：已于 2024-02-19 记录过。"));

        var problem = StepFormProblems.RefusedAfterFiling(refusal).ProblemDetails;

        Assert.Equal((422, "办理环节不符合程序"), (problem.Status, problem.Title));
        Assert.Equal("不能记录“公示”：已于 2024-02-19 记录过。（为该环节打印的表格已归档为案卷 20240219-abc 第 4 件“池州市低收入人口审核公示单（据案件数据第 1 版）”，未被任何办理环节引用）",
            problem.Detail);
        Assert.Equal(new StepFormProblems.FiledForm("20240219-abc", 4, document.Title, document.FileName, document.Sha256), problem.Extensions["filedForm"]);
    }
}
