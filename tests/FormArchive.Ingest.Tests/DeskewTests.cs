using FormArchive.Ingest.Imaging;
using ImageMagick;
using ImageMagick.Drawing;

namespace FormArchive.Ingest.Tests;

/// <summary>Skew measurement at large angles on a big page (ImageMagick's Deskew only searches about ±7°).</summary>
public sealed class DeskewTests
{
    /// <summary>A 300 dpi A4-sized page of text-like bars, rotated clockwise by <paramref name="skew"/>, on a dark desk.</summary>
    private static MagickImage Scene(double skew)
    {
        var page = new MagickImage(MagickColors.White, 2480, 3508);
        var rng = new Random(7);
        var draw = new Drawables().FillColor(MagickColors.Black).StrokeColor(MagickColors.Black).StrokeWidth(4)
            .Line(150, 150, 2330, 150).Line(150, 3358, 2330, 3358);
        for (int y = 300; y < 3200; y += 90)
            for (int x = 200; x < 2250;)
            {
                int wWord = rng.Next(60, 260);
                draw.Rectangle(x, y, Math.Min(2280, x + wWord), y + 40);
                x += wWord + rng.Next(30, 60);
            }
        draw.Draw(page);
        page.BackgroundColor = new MagickColor(40, 35, 30);
        page.Rotate(skew);
        page.ResetPage();
        page.Extent(page.Width + 300, page.Height + 300, Gravity.Center);
        return page;
    }

    [Theory]
    [InlineData(-13.5)]
    [InlineData(6.8)]
    [InlineData(14.3)]
    public void LargeAnglesOnAnA4PageAreMeasuredWithinAThirdOfADegree(double skew)
    {
        using var scene = Scene(skew);
        using var page = new ScanNormalizer(Ocr.TesseractPool.Shared).Normalize(scene);
        Assert.InRange(page.SkewDegrees, skew - 0.3, skew + 0.3);
    }
}
