using FormArchive.Archive.Verify;
using ImageMagick;
using ImageMagick.Formats;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace FormArchive.Api.Cases;

/// <summary>
/// Small JPEG previews of the pages of a stored PDF. A scan's searchable PDF carries the deskewed archival JPEG
/// of each page as its image (DCT passthrough), so that image is taken out as it is and only downscaled: the
/// clerk sees exactly what was archived, not the raw upload.
/// </summary>
public static class PageThumbnails
{
    public const int DefaultWidth = 320;
    public const int MinWidth = 64;
    public const int MaxWidth = 1200;

    public static int ClampWidth(int? width) => Math.Clamp(width ?? DefaultWidth, MinWidth, MaxWidth);

    /// <summary>
    /// JPEG of the largest image on page <paramref name="pageNumber"/> (1-based, within the document),
    /// <paramref name="width"/> pixels wide at most (never enlarged); null when the page has no image.
    /// </summary>
    public static byte[]? Render(PdfDocument pdf, int pageNumber, int width, DecodeLimits limits)
    {
        var image = pdf.GetPage(pageNumber).GetImages().MaxBy(i => (long)i.WidthInSamples * i.HeightInSamples);
        if (image is null || image.WidthInSamples <= 0 || image.HeightInSamples <= 0) return null;
        if (limits.Check(image.WidthInSamples, image.HeightInSamples, $"第 {pageNumber} 页上的图像") is { } problem)
            throw new DecodeLimitException(problem);

        int target = Math.Min(width, image.WidthInSamples);
        int height = Math.Max(1, (int)Math.Round(target * (double)image.HeightInSamples / image.WidthInSamples));
        if (!IsJpeg(image))
        {
            if (Downsampled(image, target, height) is { } small) return Jpeg(small);
            // Other encodings are decoded whole by PdfPig and Magick: only up to a quarter of the budget.
            if ((long)image.WidthInSamples * image.HeightInSamples > limits.MaxPixels / 4)
                throw new DecodeLimitException($"第 {pageNumber} 页上的图像为 {image.WidthInSamples}×{image.HeightInSamples} 像素；既非 JPEG 也非 8 位灰度或 RGB Flate 的图像"
                                               + $"最多预览 {limits.MaxPixels / 4e6:0.#} 百万像素");
        }
        var encoded = EncodedImage(image);
        if (encoded is null) return null;
        // The size hint lets libjpeg decode at 1/2, 1/4 or 1/8 scale: a thumbnail never decodes the full page.
        var settings = new MagickReadSettings(new JpegReadDefines { Size = new MagickGeometry((uint)target, (uint)height) });
        using var thumbnail = new MagickImage(encoded, settings);
        thumbnail.Thumbnail(new MagickGeometry((uint)target, (uint)height) { IgnoreAspectRatio = true });
        thumbnail.Strip();
        thumbnail.Quality = 80;
        return thumbnail.ToByteArray(MagickFormat.Jpeg);
    }

    private static bool IsJpeg(IPdfImage image)
    {
        var raw = image.RawMemory.Span;
        return raw.Length > 3 && raw[0] == 0xFF && raw[1] == 0xD8 && raw[2] == 0xFF;
    }

    /// <summary>
    /// An 8-bit grey or RGB Flate image (with or without PNG predictors) shrunk by area averaging while it is
    /// inflated row by row: neither the decoded picture (150 MB for 50 megapixels) nor a full-size Magick image
    /// (200 MB more) is ever built; memory is a few rows and the small result. Null for any other kind of image.
    /// </summary>
    private static MagickImage? Downsampled(IPdfImage image, int width, int height)
    {
        if (image.BitsPerComponent != 8) return null;
        int channels = image.ColorSpaceDetails?.Type switch
        {
            UglyToad.PdfPig.Graphics.Colors.ColorSpace.DeviceGray => 1,
            UglyToad.PdfPig.Graphics.Colors.ColorSpace.DeviceRGB => 3,
            _ => 0,
        };
        if (channels == 0 || FlatePredictor(image.ImageDictionary) is not { } predictor) return null;
        bool png = predictor >= 10;
        int w = image.WidthInSamples, h = image.HeightInSamples, stride = w * channels;
        var dst = new byte[width * height * 3];
        var sums = new long[width * channels];
        var counts = new int[width];
        var row = new byte[stride];
        var previous = new byte[stride];
        var filter = new byte[1];
        using var inflate = new System.IO.Compression.ZLibStream(new MemoryStream(image.RawMemory.ToArray()), System.IO.Compression.CompressionMode.Decompress);
        int target = 0;
        void Flush()
        {
            for (int tx = 0; tx < width; tx++)
                for (int ch = 0; ch < 3; ch++)
                    dst[(target * width + tx) * 3 + ch] = counts[tx] == 0 ? (byte)255 : (byte)(sums[tx * channels + (channels == 1 ? 0 : ch)] / counts[tx]);
            Array.Clear(sums);
            Array.Clear(counts);
        }
        for (int y = 0; y < h; y++)
        {
            try
            {
                if (png) inflate.ReadExactly(filter);
                inflate.ReadExactly(row);
            }
            catch (Exception e) when (e is EndOfStreamException or InvalidDataException)
            {
                break; // a short or damaged stream: what was read is shown, the rest stays white
            }
            if (png) Unfilter(filter[0], row, previous, channels);
            int ty = (int)((long)y * height / h);
            if (ty != target) { Flush(); target = ty; }
            for (int x = 0; x < w; x++)
            {
                int tx = (int)((long)x * width / w);
                counts[tx]++;
                for (int ch = 0; ch < channels; ch++) sums[tx * channels + ch] += row[x * channels + ch];
            }
            (row, previous) = (previous, row);
        }
        Flush();
        return new MagickImage(dst, new PixelReadSettings((uint)width, (uint)height, StorageType.Char, PixelMapping.RGB));
    }

    /// <summary>The predictor of an image whose only filter is FlateDecode (1: none, 10–15: PNG), else null.</summary>
    private static int? FlatePredictor(UglyToad.PdfPig.Tokens.DictionaryToken dictionary)
    {
        dictionary.TryGet(UglyToad.PdfPig.Tokens.NameToken.Filter, out var filterToken);
        var filterName = filterToken switch
        {
            UglyToad.PdfPig.Tokens.NameToken n => n.Data,
            UglyToad.PdfPig.Tokens.ArrayToken { Length: 1 } a when a[0] is UglyToad.PdfPig.Tokens.NameToken n1 => n1.Data,
            _ => null,
        };
        if (filterName is not ("FlateDecode" or "Fl")) return null;
        if (!dictionary.TryGet(UglyToad.PdfPig.Tokens.NameToken.DecodeParms, out var parms)) return 1;
        var p = parms switch
        {
            UglyToad.PdfPig.Tokens.DictionaryToken d => d,
            UglyToad.PdfPig.Tokens.ArrayToken { Length: 1 } a when a[0] is UglyToad.PdfPig.Tokens.DictionaryToken d1 => d1,
            _ => null,
        };
        if (p is null) return null;
        int predictor = p.TryGet(UglyToad.PdfPig.Tokens.NameToken.Predictor, out var pt) && pt is UglyToad.PdfPig.Tokens.NumericToken num ? num.Int : 1;
        return predictor == 1 || predictor is >= 10 and <= 15 ? predictor : null;
    }

    /// <summary>Undoes one PNG row filter (RFC 2083 §6) in place.</summary>
    private static void Unfilter(byte type, byte[] row, byte[] previous, int bpp)
    {
        for (int i = 0; i < row.Length; i++)
        {
            int left = i >= bpp ? row[i - bpp] : 0, up = previous[i], upLeft = i >= bpp ? previous[i - bpp] : 0;
            row[i] += type switch
            {
                1 => (byte)left,
                2 => (byte)up,
                3 => (byte)((left + up) / 2),
                4 => (byte)Paeth(left, up, upLeft),
                _ => 0,
            };
        }
    }

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    private static byte[] Jpeg(MagickImage small)
    {
        using (small)
        {
            small.Strip();
            small.Quality = 80;
            return small.ToByteArray(MagickFormat.Jpeg);
        }
    }

    /// <summary>The image as a file Magick can read: the stored JPEG bytes when DCT-encoded, else a PNG.</summary>
    private static byte[]? EncodedImage(IPdfImage image)
    {
        // With all filters still applied, DCT-encoded image data is a complete JPEG file (it starts with SOI).
        var raw = image.RawMemory.Span;
        if (raw.Length > 3 && raw[0] == 0xFF && raw[1] == 0xD8 && raw[2] == 0xFF) return raw.ToArray();
        return image.TryGetPng(out var png) ? png : null;
    }
}

/// <summary>An image beyond the pixel budget of <see cref="DecodeLimits"/>: refused (422), never decoded.</summary>
public sealed class DecodeLimitException(string message) : Exception(message);
