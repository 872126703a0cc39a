namespace FormArchive.ScanGen;

/// <summary>A plane projective map (3×3, h33 = 1) fitted to four point pairs; used to know where a document's
/// own corners (and inner rectangles) land in the photographed frame after the perspective distortion.</summary>
public sealed class Homography
{
    private readonly double[] _h; // h11 h12 h13 h21 h22 h23 h31 h32

    private Homography(double[] h) => _h = h;

    public static Homography Fit(IReadOnlyList<(double X, double Y)> from, IReadOnlyList<(double X, double Y)> to)
    {
        var a = new double[8, 9];
        for (int i = 0; i < 4; i++)
        {
            var (x, y) = from[i];
            var (u, v) = to[i];
            int r = 2 * i;
            a[r, 0] = x; a[r, 1] = y; a[r, 2] = 1; a[r, 6] = -u * x; a[r, 7] = -u * y; a[r, 8] = u;
            a[r + 1, 3] = x; a[r + 1, 4] = y; a[r + 1, 5] = 1; a[r + 1, 6] = -v * x; a[r + 1, 7] = -v * y; a[r + 1, 8] = v;
        }
        // Gauss–Jordan with partial pivoting on the 8×8 system.
        for (int c = 0; c < 8; c++)
        {
            int p = c;
            for (int r = c + 1; r < 8; r++) if (Math.Abs(a[r, c]) > Math.Abs(a[p, c])) p = r;
            if (Math.Abs(a[p, c]) < 1e-12) throw new InvalidOperationException("degenerate quad");
            for (int k = 0; k < 9; k++) (a[c, k], a[p, k]) = (a[p, k], a[c, k]);
            for (int r = 0; r < 8; r++)
            {
                if (r == c) continue;
                double f = a[r, c] / a[c, c];
                for (int k = c; k < 9; k++) a[r, k] -= f * a[c, k];
            }
        }
        var h = new double[8];
        for (int i = 0; i < 8; i++) h[i] = a[i, 8] / a[i, i];
        return new Homography(h);
    }

    /// <summary>h11 h12 h13 h21 h22 h23 h31 h32 (h33 = 1).</summary>
    public (double, double, double, double, double, double, double, double) Coefficients => (_h[0], _h[1], _h[2], _h[3], _h[4], _h[5], _h[6], _h[7]);

    public (double X, double Y) Map(double x, double y)
    {
        double w = _h[6] * x + _h[7] * y + 1;
        return ((_h[0] * x + _h[1] * y + _h[2]) / w, (_h[3] * x + _h[4] * y + _h[5]) / w);
    }

    /// <summary>The rectangle's corners TL, TR, BR, BL mapped, rounded to 0.1 px, as [x, y] pairs for the truth.</summary>
    public double[][] MapRect(double x, double y, double w, double h) =>
        new[] { Map(x, y), Map(x + w, y), Map(x + w, y + h), Map(x, y + h) }
            .Select(p => new[] { Math.Round(p.X, 1), Math.Round(p.Y, 1) }).ToArray();
}
