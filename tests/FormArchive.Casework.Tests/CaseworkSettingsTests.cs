using FormArchive.Casework;
using FormArchive.Casework.Stages;
using FormArchive.Domain;

namespace FormArchive.Tests.Casework;

/// <summary>The installation's procedure and review intervals, as the service and the CLI read them.</summary>
public sealed class CaseworkSettingsTests
{
    [Fact]
    public void Rules_and_review_months_are_read_by_name_or_in_Chinese()
    {
        Assert.Equal(CaseworkSettings.Default.Rules, CaseworkSettings.Parse(null, null).Rules);
        Assert.Equal(LocalRules.Yunyang, CaseworkSettings.Parse("Yunyang", null).Rules);
        Assert.Equal(LocalRules.Yunyang, CaseworkSettings.Parse("云阳", null).Rules);
        Assert.Equal(LocalRules.Chizhou, CaseworkSettings.Parse(" chizhou ", "").Rules);
        var s = CaseworkSettings.Parse(null, "低保=6，特困=24, 低保边缘=0, 收入不稳定=3");
        Assert.Equal(6, s.Intervals.MonthsFor(AssistanceCategory.Dibao));
        Assert.Equal(24, s.Intervals.MonthsFor(AssistanceCategory.ExtremelyPoor));
        Assert.Null(s.Intervals.MonthsFor(AssistanceCategory.DibaoMarginal));
        Assert.Equal(3, s.Intervals.UnstableIncomeMonths);
        Assert.Equal(12, s.Intervals.MonthsFor(AssistanceCategory.RigidExpenditure)); // untouched
    }

    [Theory]
    [InlineData("hefei", null, "办理规则")]
    [InlineData(null, "低保", "类别=月数")]
    [InlineData(null, "低保=61", "类别=月数")]
    [InlineData(null, "低保=-1", "类别=月数")]
    [InlineData(null, "救济粮=6", "无法识别")]
    [InlineData(null, "收入不稳定=0", "至少1个月")]
    public void A_bad_setting_is_refused_in_Chinese(string? rules, string? months, string expected) =>
        Assert.Contains(expected, Assert.Throws<ArgumentException>(() => CaseworkSettings.Parse(rules, months)).Message);
}
