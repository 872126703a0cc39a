namespace FormArchive.ScanGen;

/// <summary>
/// Desks a document is photographed on: wood grain, cloth, plain grey/green/white laminate and a dark desk.
/// Drawn at a quarter of the frame size (desk texture is soft anyway) and scaled up; fine grain comes later
/// from the camera's sensor noise.
/// </summary>
public static class DeskSurface
{
    public static readonly string[] Kinds = ["wood-light", "wood-dark", "cloth", "plain-grey", "plain-green", "plain-white", "dark"];

    /// <summary>The desk as a coarse RGB map (a quarter of <paramref name="width"/>×<paramref name="height"/>).</summary>
    public static (float[] Map, int W, int H) Make(Random rng, string kind, int width, int height)
    {
        int w = Math.Max(8, width / 4), h = Math.Max(8, height / 4);
        var px = new float[w * h * 3];
        var coarse = new Paint.ValueNoise(rng, 6, 5, w, h);
        var fine = new Paint.ValueNoise(rng, 60, 45, w, h);
        (double r, double g, double b) baseColor = kind switch
        {
            "wood-light" => (rng.Range(175, 205), rng.Range(130, 155), rng.Range(85, 105)),
            "wood-dark" => (rng.Range(90, 120), rng.Range(55, 72), rng.Range(35, 48)),
            "cloth" => rng.Pick(new[] { (48.0, 70.0, 120.0), (40.0, 95.0, 70.0), (120.0, 40.0, 45.0), (95.0, 95.0, 100.0) }),
            "plain-grey" => Grey(rng.Range(120, 175)),
            "plain-green" => (rng.Range(40, 70), rng.Range(100, 130), rng.Range(70, 95)),
            "plain-white" => Grey(rng.Range(215, 240)),
            _ => Grey(rng.Range(22, 45)),
        };
        bool wood = kind.StartsWith("wood", StringComparison.Ordinal);
        double grainAngle = rng.Range(-0.15, 0.15), ringFreq = rng.Range(0.25, 0.5), warp = rng.Range(4, 12);
        var streaks = new Paint.ValueNoise(rng, 8, 400, w, h); // fine lines along the grain
        double cs = Math.Cos(grainAngle), sn = Math.Sin(grainAngle);
        int i = 0;
        for (int y = 0; y < h; y++)
        {
            for (int x = 0; x < w; x++)
            {
                double shade = 0.9 + 0.2 * coarse.At(x, y);
                if (wood)
                {
                    // rings: stripes along the board, bent by smooth noise; darker late-wood lines
                    double v = -x * sn + y * cs;
                    double t = v * ringFreq + warp * coarse.At(x * 0.5, y) + 3 * fine.At(x * 0.1, y);
                    double ring = Math.Pow(0.5 + 0.5 * Math.Sin(t), 4);
                    shade *= 1.0 - 0.13 * ring - 0.08 * streaks.At(x, v);
                }
                else if (kind == "cloth")
                {
                    shade *= 0.92 + 0.16 * fine.At(x, y) + 0.05 * ((x + y) % 2);
                }
                else
                {
                    shade *= 0.97 + 0.06 * fine.At(x, y);
                }
                px[i++] = (float)Math.Clamp(baseColor.r * shade, 0, 255);
                px[i++] = (float)Math.Clamp(baseColor.g * shade, 0, 255);
                px[i++] = (float)Math.Clamp(baseColor.b * shade, 0, 255);
            }
        }
        return (px, w, h);
    }

    private static (double, double, double) Grey(double v) => (v, v * 1.01, v * 1.02);
}
