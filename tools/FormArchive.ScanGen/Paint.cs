using ImageMagick;
using ImageMagick.Drawing;

namespace FormArchive.ScanGen;

/// <summary>Small drawing helpers shared by the document faces (millimetre layout, text, random ranges).</summary>
internal static class Paint
{
    public static void Text(MagickImage img, string font, double sizePx, MagickColor color, double x, double y, string text, double kerning = 0)
    {
        var d = new Drawables().Font(font).FontPointSize(sizePx).FillColor(color);
        if (kerning != 0) d.TextKerning(kerning);
        d.Text(x, y, text).Draw(img);
    }

    /// <summary>Text turned by <paramref name="degrees"/> (clockwise) about its start point.</summary>
    public static void TextRotated(MagickImage img, string font, double sizePx, MagickColor color, double x, double y, double degrees, string text, double kerning = 0)
    {
        var d = new Drawables().Font(font).FontPointSize(sizePx).FillColor(color)
            .Translation(x, y).Rotation(degrees);
        if (kerning != 0) d.TextKerning(kerning);
        d.Text(0, 0, text).Draw(img);
    }

    public static double TextWidth(MagickImage img, string font, double sizePx, string text)
    {
        img.Settings.Font = font;
        img.Settings.FontPointsize = sizePx;
        return img.FontTypeMetrics(text)?.TextWidth ?? sizePx * text.Length;
    }

    public static double Range(this Random rng, double a, double b) => a + rng.NextDouble() * (b - a);

    public static T Pick<T>(this Random rng, IReadOnlyList<T> items) => items[rng.Next(items.Count)];

    public static MagickColor Rgb(int r, int g, int b, int a = 255) =>
        new((byte)Math.Clamp(r, 0, 255), (byte)Math.Clamp(g, 0, 255), (byte)Math.Clamp(b, 0, 255), (byte)Math.Clamp(a, 0, 255));

    /// <summary>Smooth value noise in [0,1]: random values on a coarse grid, bilinearly interpolated.</summary>
    public sealed class ValueNoise
    {
        private readonly double[,] _g;
        private readonly double _sx, _sy;

        public ValueNoise(Random rng, int gridW, int gridH, double width, double height)
        {
            _g = new double[gridW + 2, gridH + 2];
            for (int i = 0; i < gridW + 2; i++) for (int j = 0; j < gridH + 2; j++) _g[i, j] = rng.NextDouble();
            _sx = gridW / width; _sy = gridH / height;
        }

        public double At(double x, double y)
        {
            double gx = Math.Clamp(x * _sx, 0, _g.GetLength(0) - 1.001), gy = Math.Clamp(y * _sy, 0, _g.GetLength(1) - 1.001);
            int i = (int)gx, j = (int)gy;
            double fx = gx - i, fy = gy - j;
            fx = fx * fx * (3 - 2 * fx); fy = fy * fy * (3 - 2 * fy);
            double a = _g[i, j] + (_g[i + 1, j] - _g[i, j]) * fx;
            double b = _g[i, j + 1] + (_g[i + 1, j + 1] - _g[i, j + 1]) * fx;
            return a + (b - a) * fy;
        }
    }
}
