namespace FormArchive.Ingest.Imaging;

/// <summary>
/// The shape of an ID or bank card (ISO 7810 ID-1, width to height 1.586). OSD cannot tell such a page upright from
/// upside down, so it is not asked; the card's text decides instead.
/// </summary>
public static class CardShape
{
    /// <summary>Landscape with the proportions of an ID or bank card (OSD is not asked about these).</summary>
    public static bool IsLandscape(int width, int height)
    {
        double aspect = (double)width / height;
        return aspect is > 1.45 and < 1.75;
    }
}
