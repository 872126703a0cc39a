using FormArchive.Domain;

namespace FormArchive.Tests.Domain;

/// <summary>职业状况 (1)–(7) as in the 填表说明, and the suggestion from the age on the ID number.</summary>
public class OccupationStatusTests
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
