using System.Buffers.Binary;
using FormArchive.Archive.Verify;
using ImageMagick;
using ImageMagick.Formats;

namespace FormArchive.Api.Cases;

/// <summary>
/// The one place that decides what an uploaded file is and whether it may be decoded at all. A file is of a type
/// only if its signature is at byte 0 and nothing in it makes it a second type as well: text before "%PDF-", a
/// "%PDF-" inside an image's first kilobyte, or a ZIP directory at the end (what PDF and ZIP readers look for,
/// so each would open its own half). PDFs are screened on the parsed file (<see cref="PdfScreen"/>), images must
/// decode without a "premature end" (a truncated JPEG with an end marker appended), and every image — images
/// inside PDFs too — must fit the pixel budget.
/// </summary>
public static class FileSniffer
{
    public enum Kind { Unknown, Jpeg, Png, Tiff, Pdf }

    /// <summary>The file's type from its first bytes (signature at byte 0 only).</summary>
    public static Kind TypeOf(ReadOnlySpan<byte> b)
    {
        if (b.Length >= 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF) return Kind.Jpeg;
        if (b.Length >= 8 && b[..8].SequenceEqual((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])) return Kind.Png;
        if (b.Length >= 4 && ((b[0] == 'I' && b[1] == 'I' && b[2] == 42 && b[3] == 0) || (b[0] == 'M' && b[1] == 'M' && b[2] == 0 && b[3] == 42)))
            return Kind.Tiff;
        if (b.StartsWith("%PDF-"u8)) return Kind.Pdf;
        return Kind.Unknown;
    }

    /// <summary>Why the file is refused, or null. Unknown types pass here and are named by the decoder's own message.</summary>
    public static string? Screen(byte[] content, DecodeLimits limits)
    {
        if (content.Length == 0) return "文件为空";
        var kind = TypeOf(content);
        int pdfHeader = content.AsSpan(0, Math.Min(content.Length, 1024)).IndexOf("%PDF-"u8);
        if (kind == Kind.Unknown && pdfHeader > 0)
            return $"第 {pdfHeader} 字节处有 PDF 文件头，前面还有其他数据：只有以 %PDF- 开头的文件才按 PDF 接收";
        if (kind is not (Kind.Unknown or Kind.Pdf) && pdfHeader >= 0)
            return $"{kind.ToString().ToUpperInvariant()} 文件在第 {pdfHeader} 字节处又有 PDF 文件头（一文多型的文件）";
        if (ZipDirectoryAtEnd(content) is { } zipAt)
            return $"{(kind == Kind.Unknown ? "该文件" : kind.ToString().ToUpperInvariant() + " 文件")}同时是 ZIP 压缩包（目录在第 {zipAt} 字节处）：不接收一文多型的文件";
        if (limits.Problem(content) is { } tooLarge) return tooLarge;
        return kind switch
        {
            Kind.Pdf => PdfProblem(content),
            Kind.Jpeg => JpegProblem(content),
            _ => null,
        };
    }

    private static string? PdfProblem(byte[] content)
    {
        var screen = PdfScreen.Inspect(content);
        if (!screen.Parsed) return "PDF 无法解析，文件可能已损坏"; // qpdf's own words are for developers
        return screen.Active.Count > 0 ? $"不接收含有可执行或嵌入内容（{string.Join("、", screen.Active)}）的 PDF" : null;
    }

    /// <summary>
    /// Decodes the JPEG at 1/8 scale (libjpeg reads all entropy-coded data, little memory): a scan cut short and
    /// given an end marker decodes "successfully" with a warning, which is what refuses it.
    /// </summary>
    private static string? JpegProblem(byte[] content)
    {
        string? warning = null;
        try
        {
            using var image = new MagickImage();
            image.Warning += (_, e) => warning ??= e.Message;
            image.Read(content, new MagickReadSettings(new JpegReadDefines { Size = new MagickGeometry(64, 64) }) { Format = MagickFormat.Jpeg });
        }
        catch (MagickException)
        {
            return "JPEG 无法解码，文件可能已损坏";
        }
        return warning is not null
            && (warning.Contains("premature", StringComparison.OrdinalIgnoreCase) || warning.Contains("Corrupt", StringComparison.OrdinalIgnoreCase))
            ? "JPEG 不完整或已损坏：图像数据提前结束" // libjpeg's own words are for developers
            : null;
    }

    /// <summary>Where a ZIP reader would find its end-of-central-directory record (it must end the file exactly), or null.</summary>
    private static long? ZipDirectoryAtEnd(byte[] b)
    {
        int lowest = Math.Max(0, b.Length - 22 - 65535);
        for (int i = b.Length - 22; i >= lowest; i--)
        {
            if (b[i] != 'P' || b[i + 1] != 'K' || b[i + 2] != 5 || b[i + 3] != 6) continue;
            int comment = BinaryPrimitives.ReadUInt16LittleEndian(b.AsSpan(i + 20, 2));
            if (i + 22 + comment == b.Length) return i;
        }
        return null;
    }
}
