namespace FormArchive.ScanGen;

/// <summary>
/// Font files the capture kinds draw with. OCR-B (Debian fonts-ocr-b) and a brush-like Kai face (fonts-arphic-ukai)
/// are optional: without them the number falls back to the sans face and the handwritten note to the serif face.
/// </summary>
public static class CaptureFonts
{
    public static readonly string Sans = Path.Combine(ScanGenerator.FontDir, "NotoSansCJK-Regular.ttc");
    public static readonly string SansBold = Path.Combine(ScanGenerator.FontDir, "NotoSansCJK-Bold.ttc");
    public static readonly string Serif = Path.Combine(ScanGenerator.FontDir, "NotoSerifCJK-Regular.ttc");
    public static readonly string SerifBold = Path.Combine(ScanGenerator.FontDir, "NotoSerifCJK-Bold.ttc");

    /// <summary>OCR-B, the face of the number on real cards; null when fonts-ocr-b is not installed.</summary>
    public static readonly string? OcrB = FirstExisting("/usr/share/fonts/opentype/ocr-b/OCRB.otf");

    /// <summary>A calligraphic (Kai) face for handwritten notes; null when none is installed.</summary>
    public static readonly string? Kai = FirstExisting("/usr/share/fonts/truetype/arphic/ukai.ttc", "/usr/share/fonts/truetype/arphic-gkai00mp/gkai00mp.ttf");

    private static string? FirstExisting(params string[] paths) => paths.FirstOrDefault(File.Exists);
}
