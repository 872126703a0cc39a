using System.Runtime.InteropServices;

namespace FormArchive.Ingest.Ocr;

/// <summary>An 8-bit grey image (one byte per pixel, rows of <see cref="Width"/> bytes) handed to Tesseract.</summary>
public sealed record GrayImage(byte[] Pixels, int Width, int Height)
{
    public static GrayImage Empty { get; } = new([], 0, 0);
}

/// <summary>A pixel rectangle (left, top, width, height) in the image it was measured on.</summary>
public readonly record struct PixelBox(int X, int Y, int Width, int Height)
{
    public int Right => X + Width;
    public int Bottom => Y + Height;
    public override string ToString() => $"{X},{Y} {Width}x{Height}";
}

/// <summary>One recognised text line with Tesseract's confidence (0–100) and its box in the image.</summary>
public sealed record OcrLine(string Text, float Confidence, PixelBox Box);

/// <summary>The result of one recognition.</summary>
public sealed record OcrPage(string Text, int MeanConfidence, IReadOnlyList<OcrLine> Lines);

/// <summary>Options of one recognition call.</summary>
public sealed record OcrOptions
{
    /// <summary>Tesseract page segmentation mode: 3 automatic, 6 one block, 7 one line, 11 sparse.</summary>
    public int PageSegMode { get; init; } = 3;
    /// <summary>Allowed characters, or null for all.</summary>
    public string? Whitelist { get; init; }
    /// <summary>Tesseract's thresholding_method: 0 Otsu, 1 LeptonicaOtsu, 2 Sauvola.</summary>
    public int ThresholdingMethod { get; init; }
    /// <summary>Resolution passed to Tesseract (affects its size heuristics only).</summary>
    public int Ppi { get; init; } = 300;
}

/// <summary>
/// One Tesseract engine (TessBaseAPI) for one language set. NOT thread-safe: use it from one thread at a time,
/// normally through <see cref="TesseractPool"/>.
/// </summary>
public sealed class TesseractEngine : IDisposable
{
    private IntPtr _handle;

    internal TesseractEngine(string languages)
    {
        TesseractRuntime.EnsureInitialised();
        Languages = languages;
        _handle = TesseractNative.TessBaseAPICreate();
        if (_handle == IntPtr.Zero) throw new InvalidOperationException("Tesseract: TessBaseAPICreate failed");
        // "osd" is a legacy-only model; eng/chi_sim from Debian are LSTM models.
        int oem = languages == "osd" ? TesseractNative.OemTesseractOnly : TesseractNative.OemLstmOnly;
        if (TesseractNative.TessBaseAPIInit2(_handle, TesseractRuntime.TessdataPath, languages, oem) != 0)
        {
            TesseractNative.TessBaseAPIDelete(_handle);
            _handle = IntPtr.Zero;
            throw new InvalidOperationException(
                $"Tesseract could not load '{languages}' from {TesseractRuntime.TessdataPath}; "
                + "install tesseract-ocr-chi-sim, tesseract-ocr-eng and tesseract-ocr-osd.");
        }
        TesseractNative.TessBaseAPISetVariable(_handle, "debug_file", "/dev/null");
    }

    public string Languages { get; }

    /// <summary>Recognises <paramref name="image"/> (or <paramref name="region"/> of it) and returns text lines.</summary>
    public OcrPage Recognize(GrayImage image, OcrOptions? options = null, PixelBox? region = null)
    {
        ObjectDisposedException.ThrowIf(_handle == IntPtr.Zero, this);
        options ??= new OcrOptions();
        var h = _handle;
        TesseractNative.TessBaseAPISetVariable(h, "tessedit_char_whitelist", options.Whitelist ?? "");
        TesseractNative.TessBaseAPISetVariable(h, "thresholding_method",
            options.ThresholdingMethod.ToString(System.Globalization.CultureInfo.InvariantCulture));
        TesseractNative.TessBaseAPISetPageSegMode(h, options.PageSegMode);
        SetImage(image, options.Ppi);
        if (region is { } r)
            TesseractNative.TessBaseAPISetRectangle(h, r.X, r.Y, r.Width, r.Height);
        try
        {
            if (TesseractNative.TessBaseAPIRecognize(h, IntPtr.Zero) != 0)
                return new OcrPage("", 0, []);
            var lines = new List<OcrLine>();
            var it = TesseractNative.TessBaseAPIGetIterator(h);
            if (it != IntPtr.Zero)
            {
                try
                {
                    var pit = TesseractNative.TessResultIteratorGetPageIterator(it);
                    do
                    {
                        var text = TesseractNative.TakeText(TesseractNative.TessResultIteratorGetUTF8Text(it, TesseractNative.RilTextLine)).Trim();
                        if (text.Length == 0) continue;
                        float conf = TesseractNative.TessResultIteratorConfidence(it, TesseractNative.RilTextLine);
                        TesseractNative.TessPageIteratorBoundingBox(pit, TesseractNative.RilTextLine, out int l, out int t, out int rr, out int b);
                        lines.Add(new OcrLine(text, conf, new PixelBox(l, t, rr - l, b - t)));
                    } while (TesseractNative.TessResultIteratorNext(it, TesseractNative.RilTextLine) != 0);
                }
                finally { TesseractNative.TessResultIteratorDelete(it); }
            }
            string all = string.Join('\n', lines.Select(x => x.Text));
            return new OcrPage(all, TesseractNative.TessBaseAPIMeanTextConf(h), lines);
        }
        finally { TesseractNative.TessBaseAPIClear(h); }
    }

    /// <summary>
    /// Orientation and script detection (needs the "osd" engine). Returns the clockwise rotation in degrees that
    /// makes the page upright, and Tesseract's confidence; null when detection fails (too little text).
    /// </summary>
    public (int RotateClockwise, float Confidence)? DetectOrientation(GrayImage image, int ppi = 300)
    {
        ObjectDisposedException.ThrowIf(_handle == IntPtr.Zero, this);
        SetImage(image, ppi);
        try
        {
            // The returned script name points into Tesseract's own tables: never free it.
            if (TesseractNative.TessBaseAPIDetectOrientationScript(_handle, out int deg, out float conf, out _, out _) == 0)
                return null;
            // orient_deg is the page's clockwise orientation; undo it by rotating counter-clockwise by the same.
            return ((360 - ((deg % 360) + 360) % 360) % 360, conf);
        }
        finally { TesseractNative.TessBaseAPIClear(_handle); }
    }

    private void SetImage(GrayImage image, int ppi)
    {
        if (image.Width <= 0 || image.Height <= 0 || image.Pixels.Length < image.Width * image.Height)
            throw new ArgumentException("empty or inconsistent grey image", nameof(image));
        TesseractNative.TessBaseAPISetImage(_handle, ref MemoryMarshal.GetArrayDataReference(image.Pixels), image.Width, image.Height, 1, image.Width);
        TesseractNative.TessBaseAPISetSourceResolution(_handle, ppi);
    }

    public void Dispose()
    {
        if (_handle == IntPtr.Zero) return;
        TesseractNative.TessBaseAPIEnd(_handle);
        TesseractNative.TessBaseAPIDelete(_handle);
        _handle = IntPtr.Zero;
    }
}
