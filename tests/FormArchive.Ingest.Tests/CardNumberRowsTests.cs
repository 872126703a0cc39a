using FormArchive.Ingest.Ocr.Paddle;
using FormArchive.Ingest.Recognition;
using OpenCvSharp;

namespace FormArchive.Ingest.Tests;

/// <summary>Where a card's number row is looked for when detection found neither the number nor its label (the strips' reads are given).</summary>
public sealed class CardNumberRowsTests
{
    private static RecognizedLine L(string text, float x, float y, float w, float h = 27) =>
        new(new TextQuad(new Point2f(x, y), new Point2f(x + w, y), new Point2f(x + w, y + h), new Point2f(x, y + h)), text, 0.99f);

    /// <summary>A photocopied card front (print 27 px tall); the search starts half a line below 室 (y 498), its number row stands at y ≈ 520.</summary>
    private static List<RecognizedLine> Front() =>
        [L("姓名", 404, 278, 55), L("段超杰", 470, 278, 87), L("出生", 402, 359, 52), L("1990年3月11日", 471, 360, 180),
            L("住址", 402, 405, 54), L("安徽省石台县仁里镇2", 471, 400, 226), L("96号25栋1038", 471, 430, 157), L("室", 470, 458, 32)];

    /// <summary>What a strip at each height reads: the number on its row, a run of characters half on the row above.</summary>
    private static Func<TextQuad, string> Reads(List<float> asked) => q =>
    {
        float mid = (q.TopLeft.Y + q.BottomLeft.Y) / 2;
        asked.Add(q.TopLeft.Y);
        return Math.Abs(mid - 533) < 6 ? "公民身份号码 110105199003112483" : Math.Abs(mid - 520) < 6 ? "室 2201061000100452941" : "";
    };

    [Fact]
    public void TheStripThatHoldsThePrintedBirthDateIsTakenOverOneHalfOnTheRowAbove()
    {
        var asked = new List<float>();
        var line = Assert.Single(CardNumberRows.Find(new PageText(Front()), [], Reads(asked)));
        Assert.Contains("19900311", line.Line.Text);
        Assert.Equal(new DateOnly(1990, 3, 11), line.PrintedBirthDate);
    }

    [Fact]
    public void ANoteWrittenSlantingAcrossTheCardDoesNotPushTheSearchBelowTheNumberRow()
    {
        // 活保障: the note's line, slanting, reaches from above the number row to below it.
        var lines = Front();
        lines.Add(new RecognizedLine(new TextQuad(new Point2f(838, 480), new Point2f(990, 392), new Point2f(1010, 427), new Point2f(858, 515)), "活保障", 0.9f));
        var asked = new List<float>();
        var line = Assert.Single(CardNumberRows.Find(new PageText(lines), [], Reads(asked)));
        Assert.Contains("110105199003112483", line.Line.Text);
        Assert.True(asked.Min() < 500, $"first strip at {asked.Min()}");
    }
}
