using ImageMagick;
using ImageMagick.Formats;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using FormArchive.Archive.Verify;

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
        if (limits.Check(image.WidthInSamples, image.HeightInSamples, $"the image on page {pageNumber}") is { } problem)
            throw new DecodeLimitException(problem);

        int target = Math.Min(width, image.WidthInSamples);
        int height = Math.Max(1, (int)Math.Round(target * (double)image.HeightInSamples / image.WidthInSamples));
        if (!IsJpeg(image) && Downsampled(image, target, height) is { } small) return Jpeg(small);
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
    /// An 8-bit grey or RGB image (a Flate scan, say) shrunk by area averaging straight from its decoded samples:
    /// the full-size picture is never built as a PNG nor as a 16-bit Magick image (for 50 megapixels that would be
    /// 150 MB of samples plus 400 MB in Magick), only the decoded samples and the small result are held.
    /// </summary>
    private static MagickImage? Downsampled(IPdfImage image, int width, int height)
    {
        if (image.BitsPerComponent != 8 || image.ColorSpaceDetails?.Type is not (UglyToad.PdfPig.Graphics.Colors.ColorSpace.DeviceGray or UglyToad.PdfPig.Graphics.Colors.ColorSpace.DeviceRGB)
            || !image.TryGetBytesAsMemory(out var memory)) return null;
        int w = image.WidthInSamples, h = image.HeightInSamples;
        int channels = (int)(memory.Length / ((long)w * h));
        if (channels is not (1 or 3) || (long)w * h * channels != memory.Length) return null;
        var src = memory.Span;
        var dst = new byte[width * height * 3];
        var sums = new long[width * channels];
        var counts = new int[width];
        int row = 0;
        for (int ty = 0; ty < height; ty++)
        {
            int yEnd = (int)((long)(ty + 1) * h / height);
            Array.Clear(sums);
            Array.Clear(counts);
            for (; row < yEnd; row++)
            {
                var line = src.Slice(row * w * channels, w * channels);
                for (int x = 0; x < w; x++)
                {
                    int tx = (int)((long)x * width / w);
                    counts[tx]++;
                    for (int ch = 0; ch < channels; ch++) sums[tx * channels + ch] += line[x * channels + ch];
                }
            }
            for (int tx = 0; tx < width; tx++)
                for (int ch = 0; ch < 3; ch++)
                    dst[(ty * width + tx) * 3 + ch] = counts[tx] == 0 ? (byte)255 : (byte)(sums[tx * channels + (channels == 1 ? 0 : ch)] / counts[tx]);
        }
        return new MagickImage(dst, new PixelReadSettings((uint)width, (uint)height, StorageType.Char, PixelMapping.RGB));
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
