using FormArchive.Domain;

namespace FormArchive.Tests.Domain;

/// <summary>生活自理能力评估: the conclusion follows the six items.</summary>
public class SelfCareAssessmentTests
{
    [Theory]
    [InlineData(0, "有生活自理能力")]
    [InlineData(1, "部分生活自理能力")]
    [InlineData(3, "部分生活自理能力")]
    [InlineData(4, "完全丧失生活自理能力")]
    [InlineData(6, "完全丧失生活自理能力")]
    public void The_conclusion_follows_the_number_of_activities_not_done_unaided(int notDone, string expected)
    {
        var answers = Enumerable.Range(0, 6).Select(i => (bool?)(i >= notDone)).ToList();
        Assert.Equal(expected, SelfCareAssessment.Conclude(answers));
    }

    [Fact]
    public void No_conclusion_until_all_six_are_assessed() =>
        Assert.Null(SelfCareAssessment.Conclude([true, true, true, true, true, null]));
}
