using System.Text;
using FormArchive.Renderer.Model;

namespace FormArchive.Renderer.Pdf;

/// <summary>A JPEG placed on a page, passed through as DCTDecode data.</summary>
internal sealed record PdfJpegImage(string ResourceName, byte[] Jpeg, int Width, int Height, int Components, byte[]? IccProfile)
{
    public int ObjectNumber { get; set; }
    public int IccObjectNumber { get; set; }
}

// Images and invisible text, for scanned documents made searchable (archival image + OCR text layer).
public sealed partial class PdfPageCanvas
{
    internal List<PdfJpegImage> Images { get; } = [];

    /// <summary>
    /// Draws a baseline JPEG (grey or RGB) into the box (x, y, width, height) — top-left origin like every other
    /// call — without re-encoding: the bytes go into the PDF as DCTDecode data. Pass an ICC profile (e.g. sRGB for
    /// 3 components; ignored when it does not match the image) to keep the colour space device-independent, as PDF/A wants.
    /// </summary>
    public void DrawImageJpeg(byte[] jpeg, float x, float y, float width, float height, byte[]? iccProfile = null)
    {
        ArgumentNullException.ThrowIfNull(jpeg);
        var (w, h, comps) = JpegHeader.Read(jpeg);
        // A profile is attached only when its colour space matches the image (ICC header bytes 16–19).
        if (iccProfile is { Length: > 20 } && !iccProfile.AsSpan(16, 4).SequenceEqual(comps == 1 ? "GRAY"u8 : "RGB "u8))
            iccProfile = null;
        var image = new PdfJpegImage("Im" + (Images.Count + 1), jpeg, w, h, comps, iccProfile);
        Images.Add(image);
        _ops.Append("q ").AppendNum(width).Append(" 0 0 ").AppendNum(height).Append(' ')
            .AppendNum(x).Append(' ').AppendNum(Height - y - height).Append(" cm /").Append(image.ResourceName).Append(" Do Q\n");
    }

    /// <summary>
    /// Invisible text (render mode 3) for search and copy over a scanned image: the run is stretched horizontally
    /// (Tz) to <paramref name="widthPt"/> so selections line up with the words in the picture.
    /// </summary>
    public void DrawInvisibleText(string text, float x, float baselineY, float sizePt, float widthPt, FontFamilyKind family = FontFamilyKind.Sans)
    {
        if (string.IsNullOrWhiteSpace(text) || !(sizePt > 0)) return;
        float natural = _fonts.MeasureWidth(text, family, false, sizePt);
        float scale = natural > 0 && widthPt > 0 ? Math.Clamp(widthPt / natural * 100f, 1f, 1000f) : 100f;
        _ops.Append("q BT 3 Tr ").AppendNum(scale).Append(" Tz\n").AppendNum(x).Append(' ').AppendNum(Height - baselineY).Append(" Td\n");
        AppendGlyphs(text, family, false, sizePt);
        _ops.Append("ET Q\n");
    }
}

/// <summary>Reads size and component count from a JPEG's SOF marker.</summary>
internal static class JpegHeader
{
    public static (int Width, int Height, int Components) Read(byte[] b)
    {
        if (b.Length < 4 || b[0] != 0xFF || b[1] != 0xD8) throw new ArgumentException("not a JPEG image");
        int i = 2;
        while (i + 9 < b.Length)
        {
            if (b[i] != 0xFF) { i++; continue; }
            byte m = b[i + 1];
            if (m == 0xFF) { i++; continue; }
            if (m is 0xD8 or 0x01 || m is >= 0xD0 and <= 0xD7) { i += 2; continue; }
            int len = (b[i + 2] << 8) | b[i + 3];
            if (m is 0xC0 or 0xC1 or 0xC2)
            {
                int h = (b[i + 5] << 8) | b[i + 6], w = (b[i + 7] << 8) | b[i + 8], c = b[i + 9];
                if (c is not (1 or 3)) throw new ArgumentException($"JPEG with {c} components is not supported (grey or RGB only)");
                return (w, h, c);
            }
            i += 2 + len;
        }
        throw new ArgumentException("JPEG without a baseline/progressive frame header");
    }
}
