using FormArchive.Renderer.Rendering;

namespace FormArchive.Tests.Forms;

/// <summary>Notices print the issuing unit inside the seal block, on the line right under its label (issue 12).</summary>
public class SealUnitPlacementTests
{
    [Theory]
    [InlineData("chizhou.approval-notice", "notice-approval.json", "东至县尧渡镇人民政府")]
    [InlineData("chizhou.rejection-notice", "notice-rejection.json", "池州市贵池区秋浦街道办事处")]
    [InlineData("chizhou.benefit-adjustment-notice", "notice-adjustment.json", "青阳县木镇镇人民政府")]
    public void The_unit_is_printed_under_the_seal_label(string formId, string sample, string unit)
    {
        var pdf = new DocumentRenderer().Render(FormsFixture.Model(formId, sample), OutputFormat.Pdf).Content;
        var lines = SnapshotTests.Words(pdf).Split('\n').Select(l => l.Trim()).ToList();
        var label = lines.FindIndex(l => l == "审核确认单位（盖章）");
        Assert.True(label >= 0, string.Join("\n", lines));
        Assert.Equal(unit, lines[label + 1]);
        Assert.Single(lines, l => l.Contains(unit));
    }
}
