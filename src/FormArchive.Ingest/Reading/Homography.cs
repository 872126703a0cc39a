using OpenCvSharp;

namespace FormArchive.Ingest.Reading;

/// <summary>A 3×3 projective map of image points: detected lines follow the image when it is flattened or turned.</summary>
public readonly record struct Homography(double[] M)
{
    public static Homography Identity => new([1, 0, 0, 0, 1, 0, 0, 0, 1]);

    public static Homography FromMat(Mat m)
    {
        var a = new double[9];
        int rows = m.Rows;
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < 3; c++) a[r * 3 + c] = m.At<double>(r, c);
        if (rows == 2) a[8] = 1;
        return new Homography(a);
    }

    public Point2f Apply(Point2f p)
    {
        double w = M[6] * p.X + M[7] * p.Y + M[8];
        return new Point2f((float)((M[0] * p.X + M[1] * p.Y + M[2]) / w), (float)((M[3] * p.X + M[4] * p.Y + M[5]) / w));
    }
}
