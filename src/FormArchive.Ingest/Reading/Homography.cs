using OpenCvSharp;

namespace FormArchive.Ingest.Reading;

/// <summary>A 3×3 projective map of image points, so a document's lines can be carried back to the frame they came from.</summary>
public readonly record struct Homography(double[] M)
{
    public static Homography Identity => new([1, 0, 0, 0, 1, 0, 0, 0, 1]);

    public static Homography FromMat(Mat m)
    {
        var a = new double[9];
        for (int r = 0; r < m.Rows; r++)
            for (int c = 0; c < 3; c++) a[r * 3 + c] = m.At<double>(r, c);
        if (m.Rows == 2) a[8] = 1;
        return new Homography(a);
    }

    public Point2f Apply(Point2f p)
    {
        double w = M[6] * p.X + M[7] * p.Y + M[8];
        return new Point2f((float)((M[0] * p.X + M[1] * p.Y + M[2]) / w), (float)((M[3] * p.X + M[4] * p.Y + M[5]) / w));
    }

    /// <summary>This map followed by <paramref name="next"/>.</summary>
    public Homography Then(Homography next)
    {
        var a = next.M; var b = M;
        var r = new double[9];
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 3; j++)
                r[i * 3 + j] = a[i * 3] * b[j] + a[i * 3 + 1] * b[3 + j] + a[i * 3 + 2] * b[6 + j];
        return new Homography(r);
    }

    public Homography Inverse()
    {
        var m = M;
        double det = m[0] * (m[4] * m[8] - m[5] * m[7]) - m[1] * (m[3] * m[8] - m[5] * m[6]) + m[2] * (m[3] * m[7] - m[4] * m[6]);
        if (Math.Abs(det) < 1e-12) throw new InvalidOperationException("singular map");
        double k = 1 / det;
        return new Homography([
            (m[4] * m[8] - m[5] * m[7]) * k, (m[2] * m[7] - m[1] * m[8]) * k, (m[1] * m[5] - m[2] * m[4]) * k,
            (m[5] * m[6] - m[3] * m[8]) * k, (m[0] * m[8] - m[2] * m[6]) * k, (m[2] * m[3] - m[0] * m[5]) * k,
            (m[3] * m[7] - m[4] * m[6]) * k, (m[1] * m[6] - m[0] * m[7]) * k, (m[0] * m[4] - m[1] * m[3]) * k,
        ]);
    }
}
