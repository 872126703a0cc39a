using System.Buffers.Binary;
using UglyToad.PdfPig;

namespace FormArchive.Archive.Verify;

/// <summary>
/// The pixel budget of every decode (upload screening, OCR, thumbnails): an image may hold at most
/// <see cref="MaxPixels"/> pixels (50 megapixels unless configured), whether it is a file of its own or an image
/// inside a PDF. Dimensions are read from headers and image dictionaries only, so a bomb is refused before any
/// pixel of it is decoded.
/// </summary>
public sealed record DecodeLimits
{
    public const long DefaultMaxPixels = 50_000_000;

    public long MaxPixels { get; init; } = DefaultMaxPixels;

    /// <summary>Why <paramref name="content"/> would decode to too many pixels, or null if it stays within the budget.</summary>
    public string? Problem(byte[] content)
    {
        if (PngSize(content) is { } png) return Check(png.Width, png.Height, "图像");
        if (JpegSize(content) is { } jpeg) return Check(jpeg.Width, jpeg.Height, "图像");
        if (content.AsSpan().StartsWith("%PDF-"u8)) return PdfProblem(content);
        return null;
    }

    /// <summary>Why an image of this size may not be decoded (in Chinese, for the clerk: <paramref name="what"/> is 图像 or 第 N 页上的图像), or null.</summary>
    public string? Check(long width, long height, string what)
    {
        long pixels = width * height;
        return pixels > MaxPixels
            ? $"{what}为 {width}×{height} 像素（{pixels / 1e6:0.#} 百万像素），超过解码上限 {MaxPixels / 1e6:0.#} 百万像素"
            : null;
    }

    private string? PdfProblem(byte[] content)
    {
        try
        {
            using var pdf = PdfDocument.Open(content);
            for (int p = 1; p <= pdf.NumberOfPages; p++)
                foreach (var image in pdf.GetPage(p).GetImages())
                    if (Check(image.WidthInSamples, image.HeightInSamples, $"第 {p} 页上的图像") is { } problem) return problem;
            return null;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return null; // not readable as a PDF: the screen and the decoder say so in their own words
        }
    }

    private static (int Width, int Height)? PngSize(ReadOnlySpan<byte> b) =>
        b.Length >= 24 && b[..8].SequenceEqual((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) && b.Slice(12, 4).SequenceEqual("IHDR"u8)
            ? ((int)BinaryPrimitives.ReadUInt32BigEndian(b.Slice(16, 4)), (int)BinaryPrimitives.ReadUInt32BigEndian(b.Slice(20, 4)))
            : null;

    /// <summary>The frame size of a JPEG from its SOF marker (the file need not be complete).</summary>
    private static (int Width, int Height)? JpegSize(ReadOnlySpan<byte> b)
    {
        if (b.Length < 4 || b[0] != 0xFF || b[1] != 0xD8) return null;
        int i = 2;
        while (i + 9 <= b.Length && b[i] == 0xFF)
        {
            byte marker = b[i + 1];
            if (marker == 0xFF) { i++; continue; }
            if (marker is 0xD8 or 0x01 or (>= 0xD0 and <= 0xD7)) { i += 2; continue; }
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
                return (BinaryPrimitives.ReadUInt16BigEndian(b.Slice(i + 7, 2)), BinaryPrimitives.ReadUInt16BigEndian(b.Slice(i + 5, 2)));
            if (marker == 0xDA) return null;
            i += 2 + BinaryPrimitives.ReadUInt16BigEndian(b.Slice(i + 2, 2));
        }
        return null;
    }
}
