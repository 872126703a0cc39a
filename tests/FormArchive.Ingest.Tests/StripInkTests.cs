using FormArchive.Ingest.Imaging;
using OpenCvSharp;

namespace FormArchive.Ingest.Tests;

/// <summary>The ways a number's cut line is seen apart from what lies across it.</summary>
public sealed class StripInkTests
{
    private static Mat Digits(out int top, out int bottom)
    {
        var strip = new Mat(120, 640, MatType.CV_8UC3, Scalar.White);
        Cv2.PutText(strip, "34172319420126525X", new Point(10, 78), HersheyFonts.HersheySimplex, 1.2, Scalar.Black, 3);
        var ink = InkPerRow(strip);
        var inked = Enumerable.Range(0, ink.Length).Where(r => ink[r] > 0).ToList();
        (top, bottom) = (inked.First(), inked.Last() + 1);
        return strip;
    }

    /// <summary>Pixels darker than the paper (a light pen stroke too), row by row.</summary>
    private static int[] InkPerRow(Mat bgr)
    {
        using var grey = bgr.CvtColor(ColorConversionCodes.BGR2GRAY);
        grey.GetArray(out byte[] pixels);
        var rows = new int[grey.Rows];
        for (int i = 0; i < pixels.Length; i++)
            if (pixels[i] < 200) rows[i / grey.Cols]++;
        return rows;
    }

    [Fact]
    public void ThePrintBandLeavesOutANoteStrokeReachingAboveAndBelowTheDigits()
    {
        using var strip = Digits(out int top, out int bottom);
        int height = bottom - top;
        // A pen stroke written across the number, from the strip's top edge to its bottom edge.
        Cv2.Line(strip, new Point(300, 0), new Point(360, 119), new Scalar(70, 70, 70), 5);
        using var band = StripInk.PrintBand(strip);
        Assert.Equal(strip.Cols, band.Cols);
        Assert.InRange(band.Rows, height * 0.8, height * 1.3);
        Assert.True(band.Rows < strip.Rows * 0.6, $"band {band.Rows} of {strip.Rows} rows");
    }

    [Fact]
    public void AStripWithoutInkIsLeftWhole()
    {
        using var paper = new Mat(48, 300, MatType.CV_8UC3, Scalar.White);
        using var band = StripInk.PrintBand(paper);
        Assert.Equal(paper.Size(), band.Size());
    }

    [Fact]
    public void TheDarkestInkDropsALighterStrokeAndKeepsTheDigits()
    {
        using var strip = Digits(out int top, out int bottom);
        Cv2.Line(strip, new Point(300, 0), new Point(360, 119), new Scalar(170, 170, 170), 5);
        // The stroke is there before: above and below the digits.
        var before = InkPerRow(strip);
        Assert.True(before[..top].Sum() > 0 && before[bottom..].Sum() > 0);
        using var dark = StripInk.DarkestInk(strip);
        var after = InkPerRow(dark);
        // Above and below the digits nothing is left of the stroke; the digits' rows still hold their ink.
        Assert.Equal(0, after[..top].Sum() + after[bottom..].Sum());
        Assert.True(after[top..bottom].Sum() > 0.8 * before[top..bottom].Sum(), $"{after[top..bottom].Sum()} of {before[top..bottom].Sum()}");
    }
}
