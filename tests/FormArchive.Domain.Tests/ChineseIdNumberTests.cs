using FormArchive.Domain;

namespace FormArchive.Tests.Domain;

// All numbers below are invented; their check characters were computed with ComputeCheckChar.
public class ChineseIdNumberTests
{
    [Theory]
    [InlineData("34172319580312001X")]
    [InlineData("341723198504020039")]
    [InlineData("341723198706110040")]
    [InlineData("341723201009010057")]
    [InlineData("110105199001010029")]
    [InlineData("341702197805090210")]
    [InlineData("341722199202280132")]
    public void Valid_numbers_parse(string text)
    {
        Assert.True(ChineseIdNumber.TryParse(text, out var id, out var error), error);
        Assert.Equal(text, id.Value);
        Assert.Equal(string.Empty, error);
        Assert.True(ChineseIdNumber.IsValid(text));
    }

    [Theory]
    [InlineData("34172319580312001X", '0')] // right is X
    [InlineData("341723198504020039", '8')] // right is 9
    [InlineData("110105199001010029", '8')]
    [InlineData("341702197805090210", 'X')]
    public void Wrong_check_char_is_rejected_naming_the_expected_char(string valid, char wrong)
    {
        var text = valid[..17] + wrong;
        Assert.False(ChineseIdNumber.TryParse(text, out var id, out var error));
        Assert.Null(id);
        Assert.Contains("校验码", error);
        Assert.Contains($"应为“{valid[17]}”", error);
        var ex = Assert.Throws<FormatException>(() => ChineseIdNumber.Parse(text));
        Assert.Equal(error, ex.Message);
    }

    [Fact]
    public void Lowercase_x_is_accepted_and_normalised()
    {
        Assert.True(ChineseIdNumber.TryParse("34172319580312001x", out var id, out _));
        Assert.Equal("34172319580312001X", id.Value);
        Assert.Equal('X', id.CheckChar);
        Assert.Equal(ChineseIdNumber.Parse("34172319580312001X"), id);
    }

    [Fact]
    public void Surrounding_white_space_is_ignored()
    {
        Assert.Equal("341723198504020039", ChineseIdNumber.Parse("  341723198504020039 ").Value);
    }

    [Fact]
    public void Legacy_15_digit_number_is_rejected_with_a_clear_message()
    {
        Assert.False(ChineseIdNumber.TryParse("341723580312001", out _, out var error));
        Assert.Contains("15位旧版", error);
        Assert.Contains("转换为18位", error);
        Assert.Contains("换领", error);
    }

    [Theory]
    [InlineData("341723198002300017", "出生日期“19800230”不是有效日期")] // 30 February
    [InlineData("341723199902290019", "出生日期“19990229”不是有效日期")] // not a leap year
    [InlineData("341723198013010011", "出生日期“19801301”不是有效日期")] // month 13
    [InlineData("341723179001010011", "出生日期“17900101”不是有效日期")] // before 1800
    public void Impossible_birth_date_is_rejected(string first17PlusAny, string expected)
    {
        // make the check char right so that only the date is wrong
        var text = ChineseIdNumber.WithCheckChar(first17PlusAny[..17]);
        Assert.False(ChineseIdNumber.TryParse(text, out _, out var error));
        Assert.Contains(expected, error);
    }

    [Theory]
    [InlineData("", "为空")]
    [InlineData(null, "为空")]
    [InlineData("3417231958031200", "应为18位，实际为16位")]
    [InlineData("34172319580312001X1", "应为18位，实际为19位")]
    [InlineData("3417231958031200AX", "第17位“A”不是数字")]
    [InlineData("34172319580312001Y", "第18位（校验码）“Y”无效")]
    [InlineData("341723１95803120010", "第7位")] // full-width digit
    [InlineData("991723195803120012", "行政区划代码“991723”无效")]
    public void Malformed_numbers_give_a_reason(string? text, string expected)
    {
        Assert.False(ChineseIdNumber.TryParse(text, out _, out var error));
        Assert.Contains(expected, error);
    }

    [Theory]
    [InlineData("34172319580312001", "341723*******2001")]
    [InlineData("34172319580312001X1", "341723*********01X1")]
    [InlineData("341723580312001", "341723*****2001")]
    public void A_number_of_the_wrong_length_is_shown_back_masked(string text, string masked)
    {
        Assert.False(ChineseIdNumber.TryParse(text, out _, out var error));
        Assert.DoesNotContain(text, error);
        Assert.Contains($"“{masked}”", error);
    }

    [Fact]
    public void Check_char_helper_matches_the_standard_algorithm()
    {
        // Worked example from the algorithm: weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2, chars "10X98765432".
        Assert.Equal('X', ChineseIdNumber.ComputeCheckChar("34172319580312001"));
        Assert.Equal('9', ChineseIdNumber.ComputeCheckChar("34172319850402003"));
        Assert.Equal('9', ChineseIdNumber.ComputeCheckChar("11010519900101002"));
        Assert.Equal("341723198706110040", ChineseIdNumber.WithCheckChar("34172319870611004"));
        Assert.Throws<ArgumentException>(() => ChineseIdNumber.ComputeCheckChar("1234"));
        Assert.Throws<ArgumentException>(() => ChineseIdNumber.ComputeCheckChar("3417231958031200X"));
    }

    [Fact]
    public void Every_generated_number_round_trips()
    {
        var random = new Random(20240701);
        for (var i = 0; i < 500; i++)
        {
            var birth = new DateOnly(1900, 1, 1).AddDays(random.Next(0, 45000));
            var first17 = $"341723{birth:yyyyMMdd}{random.Next(0, 1000):000}";
            var text = ChineseIdNumber.WithCheckChar(first17);
            var id = ChineseIdNumber.Parse(text);
            Assert.Equal(birth, id.BirthDate);
            // any other check char is wrong
            foreach (var other in "0123456789X".Where(c => c != text[17]))
                Assert.False(ChineseIdNumber.IsValid(first17 + other));
        }
    }

    [Theory]
    [InlineData("34172319580312001X", "男", 1958, 3, 12)] // 17th digit 1
    [InlineData("341723198706110040", "女", 1987, 6, 11)] // 17th digit 4
    [InlineData("341723201009010057", "男", 2010, 9, 1)]
    [InlineData("110105199001010029", "女", 1990, 1, 1)]
    public void Sex_and_birth_date(string text, string sex, int y, int m, int d)
    {
        var id = ChineseIdNumber.Parse(text);
        Assert.Equal(sex, id.Sex);
        Assert.Equal(sex == "男", id.IsMale);
        Assert.Equal(new DateOnly(y, m, d), id.BirthDate);
        Assert.Equal(text[..6], id.RegionCode);
        Assert.Equal(text.Substring(14, 3), id.SequenceCode);
    }

    [Theory]
    [InlineData("2024-03-11", 65)] // day before the 66th birthday
    [InlineData("2024-03-12", 66)] // birthday
    [InlineData("2024-12-31", 66)]
    [InlineData("1958-03-12", 0)]
    [InlineData("1950-01-01", 0)] // before birth
    public void Age_in_whole_years(string on, int age)
    {
        var id = ChineseIdNumber.Parse("34172319580312001X");
        Assert.Equal(age, id.AgeAt(DateOnly.Parse(on)));
    }

    [Fact]
    public void Age_of_someone_born_on_29_february()
    {
        var id = ChineseIdNumber.Parse(ChineseIdNumber.WithCheckChar("34172320000229002"));
        Assert.Equal(new DateOnly(2000, 2, 29), id.BirthDate);
        Assert.Equal(17, id.AgeAt(new DateOnly(2018, 2, 28)));
        Assert.Equal(18, id.AgeAt(new DateOnly(2018, 3, 1)));
    }
}
