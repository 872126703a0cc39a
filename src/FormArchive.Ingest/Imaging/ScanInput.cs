using ImageMagick;
using UglyToad.PdfPig;

namespace FormArchive.Ingest.Imaging;

/// <summary>Accepted input types, sniffed from the bytes (never from the file name).</summary>
public enum ScanFileType { Jpeg, Png, Tiff, Pdf }

/// <summary>Limits enforced before any pixel is decoded.</summary>
public sealed record ScanLimits
{
    public long MaxBytes { get; init; } = 40L * 1024 * 1024;
    public long MaxPixelsPerPage { get; init; } = 80_000_000;
    public int MaxPages { get; init; } = 50;
    /// <summary>Resolution PDF pages are rasterised at.</summary>
    public int PdfDpi { get; init; } = 300;
}

/// <summary>A file refused before or while decoding; <see cref="Exception.Message"/> is the clear reason.</summary>
public sealed class ScanRejectedException(string reason) : Exception(reason);

/// <summary>Sniffs, checks limits and decodes a scanned file into pages.</summary>
public static class ScanInput
{
    public static ScanFileType? Sniff(ReadOnlySpan<byte> b)
    {
        if (b.Length >= 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF) return ScanFileType.Jpeg;
        if (b.Length >= 8 && b[..8].SequenceEqual((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])) return ScanFileType.Png;
        if (b.Length >= 4 && ((b[0] == 'I' && b[1] == 'I' && b[2] == 42 && b[3] == 0) || (b[0] == 'M' && b[1] == 'M' && b[2] == 0
            && b[3] == 42))) return ScanFileType.Tiff;
        if (b[..Math.Min(b.Length, 1024)].IndexOf("%PDF-"u8) >= 0) return ScanFileType.Pdf;
        return null;
    }

    private static string Describe(ReadOnlySpan<byte> b)
    {
        if (b.Length == 0) return "文件为空";
        if (b.Length >= 4 && b[0] == 'P' && b[1] == 'K') return "是 ZIP/Office 文件";
        if (b.Length >= 6 && (b[..6].SequenceEqual("GIF87a"u8) || b[..6].SequenceEqual("GIF89a"u8))) return "是 GIF 图像";
        if (b.Length >= 12 && b[..4].SequenceEqual("RIFF"u8) && b[8..12].SequenceEqual("WEBP"u8)) return "是 WebP 图像";
        if (b.Length >= 2 && b[0] == 'B' && b[1] == 'M') return "是 BMP 图像";
        if (b.Length >= 12 && b[4..8].SequenceEqual("ftyp"u8)) return "是 HEIC/MP4 文件";
        return "不是 JPEG、PNG、TIFF 或 PDF 文件";
    }

    /// <summary>
    /// Decodes <paramref name="bytes"/> into pages after checking type, size, page count and pixel count.
    /// Throws <see cref="ScanRejectedException"/> with the reason otherwise. The caller disposes the pages.
    /// </summary>
    public static (ScanFileType Type, List<MagickImage> Pages) Decode(byte[] bytes, ScanLimits? limits = null)
    {
        limits ??= new ScanLimits();
        var (type, settings) = Screen(bytes, limits);
        return (type, Read(bytes, type, settings, limits));
    }

    /// <summary>
    /// A single-image JPEG decoded by OpenCV straight to BGR (EXIF orientation applied), after the same screening as
    /// <see cref="Decode"/>: a third of the time of ImageMagick's decode and pixel copy on a camera frame. Null for
    /// any other file, or a JPEG OpenCV cannot take (then <see cref="Decode"/> reads it, or says why not).
    /// </summary>
    public static OpenCvSharp.Mat? DecodeJpegFrame(byte[] bytes, ScanLimits? limits = null)
    {
        if (Sniff(bytes) != ScanFileType.Jpeg) return null;
        Screen(bytes, limits ?? new ScanLimits());
        OpenCvThreads.Ensure();
        var mat = OpenCvSharp.Cv2.ImDecode(bytes, OpenCvSharp.ImreadModes.Color);
        if (!mat.Empty()) return mat;
        mat.Dispose();
        return null;
    }

    /// <summary>Type, size, completeness, page count and pixel count, checked before any pixel is decoded.</summary>
    private static (ScanFileType Type, MagickReadSettings Settings) Screen(byte[] bytes, ScanLimits limits)
    {
        Ocr.TesseractRuntime.ConfigureProcess();
        if (bytes.LongLength > limits.MaxBytes)
            throw new ScanRejectedException($"文件过大：{bytes.LongLength:N0} 字节（上限 {limits.MaxBytes:N0}）");
        var type = Sniff(bytes) ?? throw new ScanRejectedException($"不支持的文件类型：{Describe(bytes)}；只接收 JPEG、PNG、TIFF 和 PDF");
        CheckComplete(type, bytes);

        // Header-only look at every page: dimensions and page count, before pixels are decoded.
        var settings = new MagickReadSettings
        {
            Format = type switch
            {
                ScanFileType.Jpeg => MagickFormat.Jpeg,
                ScanFileType.Png => MagickFormat.Png,
                ScanFileType.Tiff => MagickFormat.Tiff,
                _ => MagickFormat.Pdf
            }
        };
        if (type == ScanFileType.Pdf)
        {
            CheckPdf(bytes, limits);
            settings.Density = new Density(limits.PdfDpi);
        }
        else
        {
            try
            {
                using var ping = new MagickImageCollection();
                ping.Ping(bytes, settings);
                if (ping.Count > limits.MaxPages)
                    throw new ScanRejectedException($"页数过多：{ping.Count} 页（上限 {limits.MaxPages} 页）");
                for (int i = 0; i < ping.Count; i++)
                    CheckPixels((long)ping[i].Width * ping[i].Height, i, limits);
            }
            catch (MagickException) { throw new ScanRejectedException($"{type} 文件无法读取，可能已损坏"); }
        }
        return (type, settings);
    }

    private static List<MagickImage> Read(byte[] bytes, ScanFileType type, MagickReadSettings settings, ScanLimits limits)
    {
        var pages = new List<MagickImage>();
        try
        {
            using var collection = new MagickImageCollection();
            collection.Read(bytes, settings);
            if (collection.Count == 0) throw new ScanRejectedException($"{type} 文件中没有能解码的页面");
            if (collection.Count > limits.MaxPages) throw new ScanRejectedException($"页数过多：{collection.Count} 页（上限 {limits.MaxPages} 页）");
            for (int i = 0; i < collection.Count; i++)
            {
                CheckPixels((long)collection[i].Width * collection[i].Height, i, limits);
                pages.Add(new MagickImage(collection[i]));
            }
            return pages;
        }
        catch (MagickException)
        {
            foreach (var p in pages) p.Dispose();
            throw new ScanRejectedException($"{type} 文件无法读取，可能已损坏");
        }
        catch
        {
            foreach (var p in pages) p.Dispose();
            throw;
        }
    }

    private static void CheckPixels(long pixels, int page, ScanLimits limits)
    {
        if (pixels > limits.MaxPixelsPerPage)
            throw new ScanRejectedException($"第 {page + 1} 页过大：{pixels / 1e6:0.#} 百万像素（上限 {limits.MaxPixelsPerPage / 1e6:0.#}）");
        if (pixels <= 0)
            throw new ScanRejectedException($"第 {page + 1} 页没有像素");
    }

    private static void CheckPdf(byte[] bytes, ScanLimits limits)
    {
        try
        {
            using var pdf = PdfDocument.Open(bytes);
            if (pdf.NumberOfPages > limits.MaxPages)
                throw new ScanRejectedException($"页数过多：{pdf.NumberOfPages} 页（上限 {limits.MaxPages} 页）");
            for (int i = 1; i <= pdf.NumberOfPages; i++)
            {
                var page = pdf.GetPage(i);
                long px = (long)(page.Width / 72.0 * limits.PdfDpi) * (long)(page.Height / 72.0 * limits.PdfDpi);
                CheckPixels(px, i - 1, limits);
            }
        }
        catch (ScanRejectedException) { throw; }
        catch (Exception) { throw new ScanRejectedException("PDF 文件无法读取，可能已损坏"); }
    }

    /// <summary>Truncated JPEG/PNG files decode with only a warning in ImageMagick: refuse them explicitly.</summary>
    private static void CheckComplete(ScanFileType type, byte[] b)
    {
        if (type == ScanFileType.Jpeg)
        {
            int end = b.Length;
            while (end > 2 && b[end - 1] is 0x00 or 0x0A or 0x0D or 0x20) end--;
            if (end < 4 || b[end - 2] != 0xFF || b[end - 1] != 0xD9)
                throw new ScanRejectedException("JPEG 文件不完整：缺少图像结束标记（上传或复制未完成？）");
        }
        else if (type == ScanFileType.Png)
        {
            if (b.AsSpan().LastIndexOf("IEND"u8) < 0)
                throw new ScanRejectedException("PNG 文件不完整：缺少 IEND 块（上传或复制未完成？）");
        }
    }
}
