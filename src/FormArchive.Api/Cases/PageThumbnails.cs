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
    public static byte[]? Render(PdfDocument pdf, int pageNumber, int width)
    {
        var image = pdf.GetPage(pageNumber).GetImages().MaxBy(i => (long)i.WidthInSamples * i.HeightInSamples);
        if (image is null || image.WidthInSamples <= 0 || image.HeightInSamples <= 0) return null;
        var encoded = EncodedImage(image);
        if (encoded is null) return null;

        int target = Math.Min(width, image.WidthInSamples);
        int height = Math.Max(1, (int)Math.Round(target * (double)image.HeightInSamples / image.WidthInSamples));
        // The size hint lets libjpeg decode at 1/2, 1/4 or 1/8 scale: a thumbnail never decodes the full page.
        var settings = new MagickReadSettings(new JpegReadDefines { Size = new MagickGeometry((uint)target, (uint)height) });
        using var thumbnail = new MagickImage(encoded, settings);
        thumbnail.Thumbnail(new MagickGeometry((uint)target, (uint)height) { IgnoreAspectRatio = true });
        thumbnail.Strip();
        thumbnail.Quality = 80;
        return thumbnail.ToByteArray(MagickFormat.Jpeg);
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
