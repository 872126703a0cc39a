using FormArchive.Api.Http;
using FormArchive.Archive.Verify;
using FormArchive.Domain;
using FormArchive.Ingest;
using FormArchive.Ingest.Recognition;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FormArchive.Api.Cases;

/// <summary>
/// One uploaded scan file with the clerk's hint. The bytes stay where the form reader spooled them (a temporary
/// file for anything over 64 KB) until <see cref="ReadAsync"/>: a request waiting in the work queue holds no
/// upload in memory, only the requests that hold a work slot do.
/// </summary>
public sealed record UploadedScan(string FileName, string ContentType, long Length, DocumentType? Hint, IFormFile Source, string? DocNumber = null)
{
    public async Task<byte[]> ReadAsync(CancellationToken ct)
    {
        var bytes = new byte[Source.Length];
        await using var stream = Source.OpenReadStream();
        await stream.ReadExactlyAsync(bytes, ct);
        return bytes;
    }
}

/// <summary>
/// Reads the multipart upload of POST /api/cases/{id}/scans: fields "files" (one or more), "hint" (one for
/// all files, or one per file in order; names as in `formarchive ingest --hint`) and "docNumber", the 文号 the
/// 卷内目录 lists (one for all files or one per file; blank: none). Errors are problem details.
/// </summary>
public static class ScanUpload
{
    public static async Task<(List<UploadedScan>? Scans, ProblemHttpResult? Problem)> ReadAsync(HttpRequest request, long maxBytes, CancellationToken ct)
    {
        if (!request.HasFormContentType || request.ContentType?.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase) != true)
            return (null, Problems.Create(StatusCodes.Status415UnsupportedMediaType, "不支持的媒体类型", "请以 multipart/form-data 上传扫描件（字段 files）。"));
        if (request.ContentLength > maxBytes) return (null, TooLarge(maxBytes));
        // Kestrel stops reading past the limit, also for chunked bodies without a length.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = maxBytes;

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = maxBytes, ValueCountLimit = 200 }, ct);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, TooLarge(maxBytes));
        }
        catch (BadHttpRequestException e)
        {
            return (null, Problems.FromBadRequest(e));
        }
        catch (InvalidDataException e)
        {
            return (null, e.Message.Contains("limit", StringComparison.OrdinalIgnoreCase)
                ? TooLarge(maxBytes)
                : Problems.BadRequest("上传内容有误", "无法读取 multipart/form-data 上传内容。"));
        }

        var files = form.Files.GetFiles("files");
        if (files.Count == 0) return (null, Problems.BadRequest("没有扫描件", "请在 multipart 字段 files 中发送一个或多个文件。"));
        var hints = form["hint"];
        if (hints.Count > 1 && hints.Count != files.Count)
            return (null, Problems.BadRequest("提示与文件数不符", $"hint 应给一个（用于全部文件）或每个文件一个（{files.Count} 个），而不是 {hints.Count} 个"));
        var numbers = form["docNumber"];
        if (numbers.Count > 1 && numbers.Count != files.Count)
            return (null, Problems.BadRequest("文号与文件数不符", $"docNumber 应给一个（用于全部文件）或每个文件一个（{files.Count} 个），而不是 {numbers.Count} 个"));
        var scans = new List<UploadedScan>();
        for (int i = 0; i < files.Count; i++)
        {
            if (!DocumentNumber.TryNormalize(numbers.Count == 0 ? null : numbers.Count == 1 ? numbers[0] : numbers[i], out var docNumber, out var invalid))
                return (null, Problems.BadRequest("文号无效", $"{files[i].FileName}：{invalid}"));
            var hintText = hints.Count == 0 ? null : hints.Count == 1 ? hints[0] : hints[i];
            DocumentType? hint = null;
            if (!string.IsNullOrWhiteSpace(hintText))
            {
                if (!PageClassifier.Hints.TryGetValue(hintText.Trim(), out var t))
                    return (null, Problems.BadRequest("未知的提示",
                        $"{files[i].FileName}：hint 应为 {string.Join("、", PageClassifier.Hints.Keys)} 之一，而不是“{hintText}”"));
                hint = t;
            }
            scans.Add(new UploadedScan(Path.GetFileName(files[i].FileName), files[i].ContentType ?? "application/octet-stream", files[i].Length,
                hint, files[i], docNumber));
        }
        return (scans, null);
    }

    /// <summary>
    /// Refusal reason for a file before OCR (see <see cref="Screen"/>), reading it for the moment of the check only:
    /// its own method so that no caller's async state keeps the bytes while the request waits in the work queue.
    /// </summary>
    public static async Task<string?> ScreenAsync(UploadedScan scan, DecodeLimits limits, CancellationToken ct) =>
        scan.Length == 0 ? "empty file" : Screen(scan, await scan.ReadAsync(ct), limits);

    /// <summary>
    /// Refusal reason for a file before OCR: PDFs with JavaScript, actions or embedded files never enter the
    /// archive, and no image (nor image inside a PDF) beyond the pixel budget is ever decoded.
    /// </summary>
    public static string? Screen(UploadedScan scan, byte[] content, DecodeLimits limits) => FileSniffer.Screen(content, limits);


    private static ProblemHttpResult TooLarge(long maxBytes) =>
        Problems.Create(StatusCodes.Status413PayloadTooLarge, "上传内容过大", $"一次上传最多 {maxBytes:N0} 字节。");
}
