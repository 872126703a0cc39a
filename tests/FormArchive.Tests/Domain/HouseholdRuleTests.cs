using FormArchive.Domain;

namespace FormArchive.Tests.Domain;

/// <summary>职业状况 (1)–(7) as in the 填表说明, and the suggestion from the age on the ID number.</summary>
public class OccupationStatusRuleTests
{
    private static ChineseIdNumber Born(string yyyymmdd) => ChineseIdNumber.Parse(ChineseIdNumber.WithCheckChar("341723" + yyyymmdd + "001"));

    [Theory]
    [InlineData("老年人", 1)]
    [InlineData("老年人（60周岁及以上）", 1)]
    [InlineData("（1）", 1)]
    [InlineData("(1)", 1)]
    [InlineData("1", 1)]
    [InlineData("（1）老年人", 1)]
    [InlineData(" 在职职工 ", 2)]
    [InlineData("灵活就业人员", 3)]
    [InlineData("登记失业人员", 4)]
    [InlineData("未登记失业人员", 5)]
    [InlineData("已成年但不能独立生活的子女", 6)]
    [InlineData("已成年但不能独立生活的子女，包括在校接受本科及其以下学历教育的成年子女", 6)]
    [InlineData("其他人员（18周岁以下）", 7)]
    [InlineData("(7)其他人员", 7)]
    public void Every_class_of_the_filling_note_parses_in_its_usual_spellings(string text, int number)
    {
        Assert.True(OccupationStatus.TryParse(text, out var status));
        Assert.Equal(number, status.Number);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("务农")]
    [InlineData("8")]
    [InlineData("（2）老年人")]
    public void Other_text_is_not_a_class(string? text) => Assert.False(OccupationStatus.TryParse(text, out _));

    [Fact]
    public void The_seven_classes_are_listed_as_in_the_filling_note()
    {
        Assert.Equal(
            "（1）老年人（60周岁及以上）；（2）在职职工；（3）灵活就业人员；（4）登记失业人员；（5）未登记失业人员；（6）已成年但不能独立生活的子女（包括在校接受本科及其以下学历教育的成年子女）；（7）其他人员（18周岁以下）",
            string.Join("；", OccupationStatus.All.Select(s => s.Listing)));
    }

    [Theory]
    [InlineData("19640730", "2024-07-30", 1)]   // 60th birthday: 老年人
    [InlineData("19640731", "2024-07-30", null)] // a day short of 60
    [InlineData("20060731", "2024-07-30", 7)]   // 17: 其他人员（18周岁以下）
    [InlineData("20060730", "2024-07-30", null)] // 18th birthday: adult
    public void Age_on_the_reference_date_suggests_elderly_or_minor(string birth, string on, int? expected)
    {
        var suggested = OccupationStatus.Suggest(Born(birth), DateOnly.Parse(on));
        Assert.Equal(expected, suggested?.Number);
    }

    [Fact]
    public void Display_prefers_the_given_class_then_the_suggestion()
    {
        var old = Born("19500101").Value;
        var on = new DateOnly(2024, 7, 1);
        Assert.Equal("在职职工", OccupationStatus.Display("(2)", old, on));
        Assert.Equal("老年人", OccupationStatus.Display("", old, on));
        Assert.Equal("老年人", OccupationStatus.Display(null, old, on));
        Assert.Equal("", OccupationStatus.Display(null, Born("19800101").Value, on));
        Assert.Equal("", OccupationStatus.Display(null, "", on));
    }
}

/// <summary>性别 and 出生年月 against the ID number.</summary>
public class IdNumberFactsRuleTests
{
    private static readonly ChineseIdNumber Man = ChineseIdNumber.Parse("34172319580312001X");

    [Theory]
    [InlineData(null, false)]
    [InlineData("", false)]
    [InlineData("男", false)]
    [InlineData("女", true)]
    public void A_sex_that_contradicts_the_ID_number_is_detected(string? sex, bool contradicts) =>
        Assert.Equal(contradicts, IdNumberFacts.SexContradicts(sex, Man));

    [Theory]
    [InlineData(null, false)]
    [InlineData("1958-03", false)]
    [InlineData("1958-03-12", false)]
    [InlineData("1958-04", true)]
    [InlineData("1958-03-13", true)]
    [InlineData("1959-03", true)]
    public void A_birth_date_that_contradicts_the_ID_number_is_detected(string? birth, bool contradicts) =>
        Assert.Equal(contradicts, IdNumberFacts.BirthContradicts(birth, Man));
}

/// <summary>Amounts in 元 to the 分; household = per-capita × covered persons.</summary>
public class BenefitAmountRuleTests
{
    [Theory]
    [InlineData("206", true)]
    [InlineData("206.5", true)]
    [InlineData("206.55", true)]
    [InlineData("206.555", false)]
    public void Amounts_are_whole_fen(string amount, bool ok) => Assert.Equal(ok, BenefitAmount.IsWholeFen(decimal.Parse(amount)));

    [Fact]
    public void Household_amount_is_per_capita_times_covered_persons()
    {
        Assert.Equal(1854m, BenefitAmount.Household(206m, 9));
        Assert.True(BenefitAmount.IsConsistent(206m, 9, 1854m));
        Assert.True(BenefitAmount.IsConsistent(333.33m, 3, 999.99m));
        Assert.False(BenefitAmount.IsConsistent(206m, 9, 1850m));
        Assert.Throws<ArgumentOutOfRangeException>(() => BenefitAmount.Household(1m, -1));
    }

    [Fact]
    public void Monthly_amounts_from_yearly_ones_are_divided_by_twelve_to_the_fen()
    {
        Assert.Equal(800m, BenefitAmount.MonthlyFromAnnual(9600m));
        Assert.Equal(816.67m, BenefitAmount.MonthlyFromAnnual(9800m));
    }
}

/// <summary>生活自理能力评估: the conclusion follows the six items.</summary>
public class SelfCareAssessmentRuleTests
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
