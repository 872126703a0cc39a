using FormArchive.Casework;
using FormArchive.Casework.Stages;
using FormArchive.Tests.Templates;

namespace FormArchive.Tests.Casework;

/// <summary>Which forms a step may print (<see cref="StageForms"/>), against the shipped catalog.</summary>
public class StageFormsTests
{
    [Fact]
    public void Every_form_a_step_may_print_is_in_the_catalog_and_each_catalog_form_of_a_case_belongs_to_some_step()
    {
        var named = Enum.GetValues<CaseEventKind>().SelectMany(StageForms.For).Distinct().ToList();
        Assert.All(named, id => Assert.True(TestCatalog.Instance.TryGet(id, out _), $"{id} is not in the catalog"));
        // The archive's own pages and the 补充材料告知书 (printed before 受理, from the checklist) belong to no step.
        var caseForms = TestCatalog.Instance.Forms.Select(f => f.Metadata.Id)
            .Where(id => !id.StartsWith("archive.", StringComparison.Ordinal) && id != "chizhou.supplement-notice");
        Assert.Empty(caseForms.Except(named));
    }

    [Fact]
    public void A_step_may_print_its_own_paper_only()
    {
        Assert.Equal(["chizhou.review-publicity"], StageForms.For(CaseEventKind.PublicityStarted));
        Assert.True(StageForms.Allows(CaseEventKind.Notified, "chizhou.rejection-notice"));
        Assert.False(StageForms.Allows(CaseEventKind.PublicityStarted, "chizhou.acceptance-notice"));
        Assert.False(StageForms.Allows(CaseEventKind.PublicityStarted, "CHIZHOU.REVIEW-PUBLICITY")); // ids are exact
        Assert.Empty(StageForms.For(CaseEventKind.Extended));
    }

    [Fact]
    public void The_refusal_says_in_chinese_what_the_step_may_print()
    {
        Assert.Equal("“公示”时不能打印池州市低收入人口申请受理告知书（chizhou.acceptance-notice）；该环节可打印：chizhou.review-publicity。",
            StageForms.Refusal(CaseEventKind.PublicityStarted, "chizhou.acceptance-notice", "池州市低收入人口申请受理告知书"));
        Assert.Equal("“延期”时不能打印“chizhou.review-publicity”；该环节不打印表格。", StageForms.Refusal(CaseEventKind.Extended, "chizhou.review-publicity"));
    }
}
