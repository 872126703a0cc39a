using FormArchive.Renderer.Layout;
using FormArchive.Renderer.Markup;
using FormArchive.Renderer.Model;

namespace FormArchive.Tests.Layout;

/// <summary>No paragraph ends with one character alone on its last line; cells with min-size shrink before they wrap.</summary>
public class LoneCharacterAndFitTests
{
    private static readonly TextStyle Style = TextStyle.Default;
    private static float Char => LayoutFixture.Measurer.Width("申", Style);

    [Fact]
    public void A_last_line_of_one_character_and_its_full_stop_takes_a_second_character_down()
    {
        // Six characters fit on a line; seven characters and a full stop would leave "读。" alone.
        var lines = LayoutFixture.Lines("儿子在镇小学读。", Char * 6.5f, Style);
        Assert.Equal(["儿子在镇小", "学读。"], lines.Select(LayoutFixture.LineText));
        Assert.False(lines[0].EndsParagraphOrBreak);
        Assert.True(lines[1].EndsParagraphOrBreak);
    }

    [Fact]
    public void A_last_line_of_one_character_alone_takes_a_second_character_down()
    {
        var lines = LayoutFixture.Lines("灵活就业人员", Char * 5.2f, Style);
        Assert.Equal(["灵活就业", "人员"], lines.Select(LayoutFixture.LineText));
    }

    [Fact]
    public void A_last_line_of_two_characters_is_left_as_it_is()
    {
        var lines = LayoutFixture.Lines("儿子在镇小学就读书。", Char * 6.5f, Style);
        Assert.Equal(["儿子在镇小学", "就读书。"], lines.Select(LayoutFixture.LineText));
    }

    [Fact]
    public void A_line_ended_by_a_break_is_not_changed()
    {
        var atoms = InlineAtomizer.Atomize([new TextRun("健康状况", Style), new LineBreak(Style), new TextRun("病", Style)], LayoutFixture.Measurer, 200f);
        var lines = LineBreaker.Break(atoms, 200f, 0f, 1.5f, LayoutFixture.Measurer, Style);
        Assert.Equal(["健康状况", "病"], lines.Select(LayoutFixture.LineText));
    }

    [Fact]
    public void A_transliterated_name_breaks_after_its_middle_dot()
    {
        var lines = LayoutFixture.Lines("阿依古丽·吐尔逊", Char * 6.2f, Style);
        Assert.Equal(["阿依古丽·", "吐尔逊"], lines.Select(LayoutFixture.LineText));
    }

    [Fact]
    public void A_middle_dot_far_back_in_running_text_is_not_a_preferred_break()
    {
        var lines = LayoutFixture.Lines("买买提·艾力在镇上经营烧烤摊为生近年收入减少", Char * 12f, Style);
        Assert.Equal(12, LayoutFixture.LineText(lines[0]).Length);
    }

    [Fact]
    public void A_cell_with_min_size_shrinks_its_text_instead_of_wrapping()
    {
        var paragraph = new Paragraph([new TextRun("买买提·艾力", Style with { SizePt = 10.5f })], new ParagraphStyle(MinSizePt: 8f));
        var width = LayoutFixture.Measurer.Width("买买提·艾", Style with { SizePt = 10.5f });
        var fitted = TextFit.Fit(paragraph, width, LayoutFixture.Measurer);
        var size = fitted.Inlines[0].Style.SizePt;
        Assert.InRange(size, 8f, 10.25f);
        Assert.True(LayoutFixture.Measurer.Width("买买提·艾力", fitted.Inlines[0].Style) <= width);
        // The largest size that fits: a quarter point more would not.
        Assert.True(LayoutFixture.Measurer.Width("买买提·艾力", Style with { SizePt = size + 0.25f }) > width - 1f);
    }

    [Fact]
    public void A_cell_whose_text_does_not_fit_even_at_its_minimum_keeps_its_size_and_wraps()
    {
        var paragraph = new Paragraph([new TextRun("已成年但不能独立生活的子女", Style with { SizePt = 10.5f })], new ParagraphStyle(MinSizePt: 9f));
        var fitted = TextFit.Fit(paragraph, Char * 4f, LayoutFixture.Measurer);
        Assert.Same(paragraph, fitted);
    }

    [Fact]
    public void Without_min_size_nothing_shrinks()
    {
        var paragraph = new Paragraph([new TextRun("买买提·艾力", Style)], ParagraphStyle.Default);
        Assert.Same(paragraph, TextFit.Fit(paragraph, Char * 3f, LayoutFixture.Measurer));
    }

    [Theory]
    [InlineData("<table widths=\"1fr\"><tr><td min-size=\"3pt\">x</td></tr></table>")]
    [InlineData("<table widths=\"1fr\"><tr><td min-size=\"20pt\">x</td></tr></table>")]
    [InlineData("<table widths=\"1fr\"><tr><td min-size=\"8pt\"><p>x</p></td></tr></table>")]
    [InlineData("<p size=\"10pt\" min-size=\"11pt\">x</p>")]
    public void Bad_min_size_is_an_error_naming_the_element(string body)
    {
        var error = Assert.Throws<MarkupException>(() => MarkupParser.Parse($"<document title=\"t\">{body}</document>"));
        Assert.Contains("min-size", error.Message);
    }
}
