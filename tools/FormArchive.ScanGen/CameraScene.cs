using ImageMagick;

namespace FormArchive.ScanGen;

/// <summary>Where and how big a document appears in a photographed frame (decided before the document is drawn,
/// so it is drawn at about the resolution it will have in the frame).</summary>
public sealed record CameraPlan(int FrameWidth, int FrameHeight, double PxPerMm, int Quarter, double Skew, double AreaFraction, bool MayDownscale = true, int MaxQuality = 88);

/// <summary>What the camera produced: the JPEG and where the reported rectangles of the document ended up.</summary>
public sealed record CameraResult(byte[] Jpeg, List<double[][]> Corners, int Width, int Height, int Quality, double Blur, string Desk, double PxPerMm);

/// <summary>
/// A document camera or phone photographing a document on a desk: perspective tilt (each corner moved on its own
/// by up to 6 % of the document's size), any quarter turn plus a small angle, a soft shadow, gradient light and
/// vignetting, glare spots, focus blur, sensor noise, an optional downscale to 1600×1200 and JPEG compression.
/// </summary>
public static class CameraScene
{
    private static readonly (int W, int H)[] Frames = [(2592, 1944), (2048, 1536), (2000, 1500), (2000, 1500), (1600, 1200), (1600, 1200)];
    private static readonly (int W, int H)[] SmallFrames = [(2000, 1500), (1600, 1200)];

    public static CameraPlan Plan(Random rng, double docWmm, double docHmm, int quarter, double skew, double minArea = 0.15, double maxArea = 0.60, bool small = false)
    {
        var (fw, fh) = rng.Pick(Frames);
        if (small) (fw, fh) = rng.Pick(SmallFrames);
        // an A4 page is photographed upright-framed and at full resolution, or its text would be unreadable
        bool page = Math.Max(docWmm, docHmm) > 250;
        if (page) (fw, fh) = small ? (2000, 1500) : rng.Next(2) == 0 ? (2592, 1944) : (2048, 1536);
        // phone held upright: mostly for tall documents (booklet pages, A4), sometimes for cards
        bool tallInFrame = (docHmm > docWmm) ^ (quarter % 180 == 90);
        if (rng.NextDouble() < (tallInFrame ? 0.75 : 0.2) || (page && tallInFrame)) (fw, fh) = (fh, fw);
        double area = rng.Range(minArea, maxArea);
        double dw = Math.Sqrt(area * fw * fh * docWmm / docHmm), dh = dw * docHmm / docWmm;
        double a = (quarter + skew) * Math.PI / 180, c = Math.Abs(Math.Cos(a)), s = Math.Abs(Math.Sin(a));
        const double slack = 1.16; // room for the perspective jitter
        double fit = Math.Min(0.97 * fw / ((c * dw + s * dh) * slack), 0.97 * fh / ((s * dw + c * dh) * slack));
        if (fit < 1) { dw *= fit; dh *= fit; }
        return new CameraPlan(fw, fh, dw / docWmm, quarter, skew, Math.Round(dw * dh / (fw * fh), 3), !page, small ? 80 : 88);
    }

    /// <param name="doc">The document drawn at <see cref="CameraPlan.PxPerMm"/>; transparent outside its shape is allowed.</param>
    /// <param name="report">Rectangles of <paramref name="doc"/> (pixels) whose corners go into the truth.</param>
    public static CameraResult Shoot(Random rng, CameraPlan plan, MagickImage doc, IReadOnlyList<(double X, double Y, double W, double H)> report, string? desk = null)
    {
        int fw = plan.FrameWidth, fh = plan.FrameHeight;
        double dw = doc.Width, dh = doc.Height;
        double a = (plan.Quarter + plan.Skew) * Math.PI / 180, cos = Math.Cos(a), sin = Math.Sin(a);
        double tilt = rng.Range(0.2, 1.0);
        var local = new (double X, double Y)[] { (-dw / 2, -dh / 2), (dw / 2, -dh / 2), (dw / 2, dh / 2), (-dw / 2, dh / 2) };
        var turned = local.Select(p =>
        {
            double x = p.X + rng.Range(-0.06, 0.06) * tilt * dw, y = p.Y + rng.Range(-0.06, 0.06) * tilt * dh;
            return (X: x * cos - y * sin, Y: x * sin + y * cos);
        }).ToArray();
        double minX = turned.Min(p => p.X), maxX = turned.Max(p => p.X), minY = turned.Min(p => p.Y), maxY = turned.Max(p => p.Y);
        double mx = fw * 0.012, my = fh * 0.012;
        double cx = Between(rng, -minX + mx, fw - maxX - mx), cy = Between(rng, -minY + my, fh - maxY - my);
        var quad = turned.Select(p => (p.X + cx, p.Y + cy)).ToArray();
        var h = Homography.Fit([(0, 0), (dw, 0), (dw, dh), (0, dh)], quad);

        desk ??= rng.Pick(DeskSurface.Kinds);
        var frame = new Raster(fw, fh, 3);
        var (deskMap, mw, mh) = DeskSurface.Make(rng, desk, fw, fh);
        // Each reported document casts its own shadow (two cards lying apart leave the desk between them lit).
        if (report.Count > 1)
            foreach (var r in report) Shadow(rng, deskMap, mw, mh, h.MapRect(r.X, r.Y, r.W, r.H).Select(p => (p[0], p[1])).ToArray(), fw / (double)mw);
        else Shadow(rng, deskMap, mw, mh, quad, fw / (double)mw);
        frame.FillFrom(deskMap, mw, mh, 3);

        var inverse = Homography.Fit(quad, [(0, 0), (dw, 0), (dw, dh), (0, dh)]);
        int bx0 = (int)Math.Floor(quad.Min(p => p.Item1)) - 1, bx1 = (int)Math.Ceiling(quad.Max(p => p.Item1)) + 1;
        int by0 = (int)Math.Floor(quad.Min(p => p.Item2)) - 1, by1 = (int)Math.Ceiling(quad.Max(p => p.Item2)) + 1;
        frame.WarpOver(Raster.Rgba(doc), (int)dw, (int)dh, inverse, bx0, by0, bx1, by1);

        Light(rng, frame, quad);
        double blur = rng.NextDouble() < 0.25 ? 0 : Math.Round(rng.Range(0.3, 1.4), 2);
        frame.Blur(blur, bx0, by0, bx1, by1);
        frame.Noise(rng, rng.Range(2, 7));
        using var scene = frame.ToImage();

        double scale = 1;
        if (fw * fh > 1600 * 1200 && rng.NextDouble() < 0.4 && plan.MayDownscale)
        {
            scale = fw > fh ? 1600.0 / fw : 1200.0 / fw;
            scene.Resize(new MagickGeometry((uint)Math.Round(fw * scale), (uint)Math.Round(fh * scale)) { IgnoreAspectRatio = true }, FilterType.Triangle);
        }
        int quality = Math.Min(rng.Next(55, 89), plan.MaxQuality);
        var jpeg = Encode(scene, quality);
        var corners = report.Select(r => h.MapRect(r.X, r.Y, r.W, r.H).Select(p => new[] { Math.Round(p[0] * scale, 1), Math.Round(p[1] * scale, 1) }).ToArray()).ToList();
        return new CameraResult(jpeg, corners, (int)scene.Width, (int)scene.Height, quality, blur, desk, Math.Round(plan.PxPerMm * scale, 2));
    }

    internal static byte[] Encode(MagickImage img, int quality)
    {
        img.Alpha(AlphaAction.Off);
        img.Format = MagickFormat.Jpeg;
        img.Quality = (uint)quality;
        img.Strip();
        return img.ToByteArray();
    }

    private static double Between(Random rng, double lo, double hi) => hi <= lo ? (lo + hi) / 2 : rng.Range(lo, hi);

    /// <summary>A soft shadow of the document darkens the (coarse) desk map around and under the document.</summary>
    private static void Shadow(Random rng, float[] desk, int mw, int mh, (double X, double Y)[] quad, double k)
    {
        double ox = rng.Range(-0.004, 0.008) * mw, oy = rng.Range(-0.003, 0.01) * mh, soft = rng.Range(1.5, 4);
        float depth = (float)rng.Range(0.2, 0.5);
        var q = quad.Select(p => (X: p.X / k + ox, Y: p.Y / k + oy)).ToArray();
        for (int y = 0, i = 0; y < mh; y++)
            for (int x = 0; x < mw; x++, i += 3)
            {
                double inside = SignedInside(q, x + 0.5, y + 0.5);
                if (inside < -soft) continue;
                float s = 1 - depth * (float)Math.Clamp((inside + soft) / (2 * soft), 0, 1);
                desk[i] *= s; desk[i + 1] *= s; desk[i + 2] *= s;
            }
    }

    /// <summary>Gradient light, vignetting and a colour cast (multiplied), then glare spots on the document
    /// (screened), each computed on a coarse grid and scaled up: light varies slowly across a frame.</summary>
    private static void Light(Random rng, Raster frame, (double X, double Y)[] quad)
    {
        const int k = 16;
        int w = frame.W / k + 1, h = frame.H / k + 1;
        double dir = rng.Range(0, 2 * Math.PI), dx = Math.Cos(dir), dy = Math.Sin(dir);
        double lo = rng.Range(0.62, 0.92), vig = rng.Range(0.08, 0.4), gain = rng.Range(1.0, 1.15);
        double cr = rng.Range(0.94, 1.0), cg = rng.Range(0.95, 1.0), cb = rng.Range(0.88, 1.0);
        var shade = new float[w * h * 3];
        var glare = new float[w * h];
        int spots = rng.NextDouble() < 0.75 ? rng.Next(1, 4) : 0;
        var q = quad.Select(p => (X: p.X / k, Y: p.Y / k)).ToArray();
        double qMinX = q.Min(p => p.X), qMaxX = q.Max(p => p.X), qMinY = q.Min(p => p.Y), qMaxY = q.Max(p => p.Y);
        var g = Enumerable.Range(0, spots).Select(_ => (
            X: rng.Range(qMinX, qMaxX), Y: rng.Range(qMinY, qMaxY),
            Rx: rng.Range(0.03, 0.12) * w, Ry: rng.Range(0.02, 0.08) * w, A: rng.Range(0, Math.PI),
            I: rng.Range(0.3, 0.8), Core: rng.Range(1.0, 3.0))).ToArray();
        double cx = w / 2.0, cy = h / 2.0, rmax = Math.Sqrt(cx * cx + cy * cy);
        for (int y = 0, i = 0; y < h; y++)
        {
            for (int x = 0; x < w; x++, i++)
            {
                double t = ((x - cx) * dx + (y - cy) * dy) / rmax * 0.5 + 0.5;
                double r = Math.Sqrt((x - cx) * (x - cx) + (y - cy) * (y - cy)) / rmax;
                double v = gain * (lo + (1 - lo) * t) * (1 - vig * r * r);
                shade[3 * i] = (float)(v * cr); shade[3 * i + 1] = (float)(v * cg); shade[3 * i + 2] = (float)(v * cb);
                double gl = 0;
                foreach (var s in g)
                {
                    double ex = x + 0.5 - s.X, ey = y + 0.5 - s.Y, c = Math.Cos(s.A), sn = Math.Sin(s.A);
                    double u = (ex * c + ey * sn) / s.Rx, vv = (-ex * sn + ey * c) / s.Ry;
                    gl += s.I * Math.Exp(-(u * u + vv * vv) * s.Core);
                }
                // glare is a reflection on the document, not on the desk
                if (gl > 0.004) gl *= Math.Clamp(SignedInside(q, x + 0.5, y + 0.5) + 0.5, 0, 1);
                glare[i] = (float)Math.Min(1, gl);
            }
        }
        frame.Light(shade, w, h, 3, spots > 0 ? glare : null, w, h);
    }

    /// <summary>Distance inside a convex quad (negative outside), in the quad's units.</summary>
    private static double SignedInside((double X, double Y)[] q, double x, double y)
    {
        double sign = Math.Sign((q[1].X - q[0].X) * (q[2].Y - q[0].Y) - (q[1].Y - q[0].Y) * (q[2].X - q[0].X));
        double min = double.MaxValue;
        for (int i = 0; i < 4; i++)
        {
            var (ax, ay) = q[i];
            var (bx, by) = q[(i + 1) % 4];
            double len = Math.Sqrt((bx - ax) * (bx - ax) + (by - ay) * (by - ay));
            min = Math.Min(min, sign * ((bx - ax) * (y - ay) - (by - ay) * (x - ax)) / len);
        }
        return min;
    }

    internal static double Gauss(Random rng) =>
        Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
}
