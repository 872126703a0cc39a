using FormArchive.Renderer.Layout;
using FormArchive.Renderer.Model;

namespace FormArchive.Tests.Layout;

public class LineBreakingTests
{
    private const string Notice = "您提交的低收入人口申请及相关资料齐全，现予受理。我们将在规定时间内予以审核确认，并书面告知结果。特此告知。" +
        "根据《社会救助暂行办法》/《池州市最低生活保障工作操作规程》/《安徽省特困人员认定办法》等文件规定，经调查审核认定，您家庭（个人）符合：最低生活保障。";

    [Theory]
    [InlineData(60f)]
    [InlineData(97f)]
    [InlineData(121f)]
    [InlineData(150f)]
    [InlineData(203f)]
    [InlineData(300f)]
    [InlineData(455f)]
    public void No_line_starts_with_closing_punctuation_or_ends_with_an_opening_bracket(float width)
    {
        var lines = LayoutFixture.Lines(Notice, width);
        Assert.True(lines.Count > 1);
        foreach (var text in lines.Select(LayoutFixture.LineText))
        {
            Assert.True(LineBreakRules.MayStartLine(text[0]), $"line starts with '{text[0]}': {text}");
            Assert.True(LineBreakRules.MayEndLine(text[^1]), $"line ends with '{text[^1]}': {text}");
        }
        Assert.Equal(Notice, string.Concat(lines.Select(LayoutFixture.LineText)));
    }

    [Fact]
    public void A_comma_that_would_start_a_line_pulls_the_character_before_it_down()
    {
        var style = TextStyle.Default;
        var charWidth = LayoutFixture.Measurer.Width("申", style);
        // Exactly five characters fit; the sixth is a comma, which may not start the next line.
        var lines = LayoutFixture.Lines("申请受理告，书面告知", charWidth * 5.5f, style);
        Assert.Equal("申请受理", LayoutFixture.LineText(lines[0]));
        Assert.StartsWith("告，", LayoutFixture.LineText(lines[1]));
    }

    [Fact]
    public void Lines_never_exceed_the_width_and_latin_words_stay_whole()
    {
        const string text = "身份证号码 34170219580307001X 与 1,234.00 元 household income statement for the review";
        var lines = LayoutFixture.Lines(text, 120f);
        foreach (var line in lines) Assert.True(line.Width <= 120.01f, $"{LayoutFixture.LineText(line)} is {line.Width}pt");
        Assert.Contains(lines, l => LayoutFixture.LineText(l).Contains("34170219580307001X"));
        Assert.Contains(lines, l => LayoutFixture.LineText(l).Contains("household"));
    }

    [Fact]
    public void A_word_wider_than_the_line_breaks_inside_rather_than_overflowing()
    {
        var lines = LayoutFixture.Lines("34170219580307001X", 40f);
        Assert.True(lines.Count > 1);
        Assert.All(lines, l => Assert.True(l.Width <= 40.01f));
        Assert.Equal("34170219580307001X", string.Concat(lines.Select(LayoutFixture.LineText)));
    }

    [Theory]
    [InlineData(110f)]   // just wider than a box and the longest label
    [InlineData(131f)]
    [InlineData(170f)]
    [InlineData(233f)]
    public void Check_box_labels_marked_nowrap_stay_whole_and_a_box_never_ends_a_line(float width)
    {
        var style = TextStyle.Default;
        var labels = new[] { "最低生活保障", "特困人员救助供养", "低保边缘家庭", "刚性支出困难家庭", "其他低收入人口" };
        var inlines = new List<Inline>();
        foreach (var label in labels)
        {
            inlines.Add(new Checkbox(false, style));
            inlines.Add(new TextRun(label, style, NoWrap: true));
            inlines.Add(new TextRun("\u3000", style));
        }
        var lines = LineBreaker.Break(InlineAtomizer.Atomize(inlines, LayoutFixture.Measurer, width), width, 0f, 1.5f, LayoutFixture.Measurer, style);
        Assert.True(lines.Count > 1);
        foreach (var line in lines)
        {
            Assert.IsNotType<SpaceAtom>(line.Atoms[^1]);
            Assert.IsNotType<CheckboxAtom>(line.Atoms[^1]);
            foreach (var text in line.Atoms.OfType<TextAtom>().Select(t => t.Text))
                Assert.Contains(text, labels);
        }
    }
}
