namespace FormArchive.ScanGen;

/// <summary>A page on a flatbed scanner or copier glass: a small skew, sometimes upside down, light blur, noise.</summary>
public static class FlatbedScan
{
    /// <summary>Scans <paramref name="page"/> into a raster of the same size and channels; <c>Map</c> takes page
    /// pixels to scan pixels (for the truth's corners).</summary>
    public static (Raster Scan, Homography Map, double Skew, int Quarter) Scan(Random rng, Raster page, double maxSkew, double upsideDown, byte background, int? quarterPin = null)
    {
        int w = page.W, h = page.H;
        double skew = Math.Round(rng.Range(-maxSkew, maxSkew), 2);
        int quarter = quarterPin ?? (rng.NextDouble() < upsideDown ? 180 : 0);
        var corners = PhotocopyPage.RectCorners(w / 2.0, h / 2.0, w, h, skew + quarter);
        var src = new (double, double)[] { (0, 0), (w, 0), (w, h), (0, h) };
        var map = Homography.Fit(src, corners);
        var scan = new Raster(w, h, page.Ch);
        scan.Fill(background);
        scan.WarpOver(page.Px, w, h, Homography.Fit(corners, src), 0, 0, w - 1, h - 1, page.Ch);
        if (rng.NextDouble() < 0.6) scan.Blur(rng.Range(0.3, 0.8), 0, 0, w - 1, h - 1);
        scan.Noise(rng, rng.Range(2, 6));
        return (scan, map, skew, quarter);
    }
}
