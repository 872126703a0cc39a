using FormArchive.Ingest.Ocr.Paddle;
using OpenCvSharp;

namespace FormArchive.Ingest.Reading;

/// <summary>Image turns that carry detected text quads along, so a page is detected once and turned after.</summary>
internal static class QuadTransforms
{
    /// <summary>Turns <paramref name="image"/> clockwise by a quarter turn (90, 180, 270); returns the point map.</summary>
    public static Homography TurnClockwise(Mat image, int degrees)
    {
        int w = image.Cols, h = image.Rows;
        RotateFlags flag;
        Homography map;
        switch (((degrees % 360) + 360) % 360)
        {
            case 90: (flag, map) = (RotateFlags.Rotate90Clockwise, new Homography([0, -1, h - 1, 1, 0, 0, 0, 0, 1])); break;
            case 180: (flag, map) = (RotateFlags.Rotate180, new Homography([-1, 0, w - 1, 0, -1, h - 1, 0, 0, 1])); break;
            case 270: (flag, map) = (RotateFlags.Rotate90Counterclockwise, new Homography([0, 1, 0, -1, 0, w - 1, 0, 0, 1])); break;
            default: return Homography.Identity;
        }
        // A quarter turn transposes, which OpenCV cannot do in place on a non-square image: turn into a copy.
        using var turned = new Mat();
        Cv2.Rotate(image, turned, flag);
        turned.CopyTo(image);
        return map;
    }

    /// <summary>Rotates <paramref name="image"/> by <paramref name="clockwiseDegrees"/> on a canvas that holds all of it.</summary>
    public static (Mat Image, Homography Map) Rotate(Mat image, double clockwiseDegrees)
    {
        var center = new Point2f(image.Cols / 2f, image.Rows / 2f);
        // OpenCV's angle is counter-clockwise.
        using var m = Cv2.GetRotationMatrix2D(center, -clockwiseDegrees, 1.0);
        double cos = Math.Abs(m.At<double>(0, 0)), sin = Math.Abs(m.At<double>(0, 1));
        int nw = (int)Math.Ceiling(image.Rows * sin + image.Cols * cos), nh = (int)Math.Ceiling(image.Rows * cos + image.Cols * sin);
        m.Set(0, 2, m.At<double>(0, 2) + nw / 2.0 - center.X);
        m.Set(1, 2, m.At<double>(1, 2) + nh / 2.0 - center.Y);
        var rotated = new Mat();
        Cv2.WarpAffine(image, rotated, m, new Size(nw, nh), InterpolationFlags.Linear, BorderTypes.Replicate);
        return (rotated, Homography.FromMat(m));
    }

    /// <summary>The angle of the line from <paramref name="a"/> to <paramref name="b"/>, degrees clockwise (image y runs down).</summary>
    public static double Angle(Point2f a, Point2f b) => Math.Atan2(b.Y - a.Y, b.X - a.X) * 180 / Math.PI;

    /// <summary>
    /// The angle of a quad's top edge, degrees clockwise, measured on all four edges (each folded onto the top edge's
    /// direction) weighted by length: the long edges of a card carry the most pixels and so the surest angle.
    /// </summary>
    public static double EdgeAngle(TextQuad q)
    {
        var p = q.Points;
        double top = Angle(p[0], p[1]);
        double sx = 0, sy = 0;
        for (int i = 0; i < 4; i++)
        {
            var a = p[i]; var b = p[(i + 1) % 4];
            double len = Math.Sqrt((b.X - a.X) * (b.X - a.X) + (b.Y - a.Y) * (b.Y - a.Y));
            // Edge i runs at top + 90·i: fold it back, then average on the circle (angles ×4 make the fold exact).
            double folded = (Angle(a, b) - 90 * i) * Math.PI / 180;
            sx += len * Math.Cos(4 * folded);
            sy += len * Math.Sin(4 * folded);
        }
        double mean = Math.Atan2(sy, sx) / 4 * 180 / Math.PI;
        // Pick the representative of mean (mod 90) nearest the top edge's own angle.
        return mean + 90 * Math.Round((top - mean) / 90);
    }
}
