using FormArchive.Renderer.Layout;
using FormArchive.Renderer.Model;

namespace FormArchive.Tests.Layout;

/// <summary>
/// <c>&lt;p ruled="true"&gt;</c>, the value lines of an archival cover (案卷封面) and of the 卷内备考表's signatures: every
/// line stands on a rule across the paragraph's whole width, a long value wraps onto further rules, and an empty
/// value still gets the rule to write on.
/// </summary>
public sealed class RuledParagraphTests
{
    /// <summary>Records what the layout draws: texts with their baselines, and lines.</summary>
    private sealed class Recorder : IDrawingSurface
    {
        public List<(string Text, float X, float Baseline)> Texts { get; } = [];
        public List<(float X1, float Y1, float X2, float Y2)> Lines { get; } = [];
        public void DrawText(string text, float x, float baselineY, TextStyle style) => Texts.Add((text, x, baselineY));
        public void DrawLine(float x1, float y1, float x2, float y2, float widthPt, bool dashed = false) => Lines.Add((x1, y1, x2, y2));
        public void StrokeRectangle(float x, float y, float width, float height, float widthPt) { }
        public void DrawCheckMark(float x, float y, float size, float widthPt) { }
        public void DrawInvisibleText(string text, float x, float baselineY, TextStyle style, float widthPt) { }
    }

    private static Recorder Draw(string body)
    {
        var page = Assert.Single(LayoutFixture.Compose(body, " paper=\"A4\" margin=\"20mm\" font-size=\"14pt\""));
        var recorder = new Recorder();
        page.ReplayTo(recorder);
        return recorder;
    }

    private const string Title = "张三及其共同生活家庭成员最低生活保障、特困人员救助供养和临时救助审核确认及动态管理复核（2025年度第一次）";

    [Fact]
    public void Every_line_of_a_long_value_stands_on_a_rule_across_the_full_width()
    {
        var drawn = Draw($"<p ruled=\"true\" line-spacing=\"1.9\">{Title}</p>");
        var lines = drawn.Texts.GroupBy(t => t.Baseline).OrderBy(g => g.Key).ToList();
        Assert.True(lines.Count >= 2, $"the title should wrap, got {lines.Count} line(s)");
        Assert.Equal(lines.Count, drawn.Lines.Count);
        float left = 20 * 72 / 25.4f, right = 595.28f - left;
        foreach (var (line, rule) in lines.Zip(drawn.Lines.OrderBy(l => l.Y1)))
        {
            Assert.Equal(rule.Y1, rule.Y2);
            Assert.InRange(rule.Y1 - line.Key, 1f, 14f);   // just under its own line's baseline, above the next line
            Assert.Equal(left, rule.X1, 0.5f);
            Assert.Equal(right, rule.X2, 0.5f);
        }
        Assert.Equal(Title, string.Concat(drawn.Texts.Select(t => t.Text)));
    }

    [Fact]
    public void An_empty_value_keeps_its_rule_and_a_plain_paragraph_has_none()
    {
        Assert.Single(Draw("<p ruled=\"true\">\u3000</p>").Lines);
        Assert.Empty(Draw($"<p>{Title}</p>").Lines);
    }
}
