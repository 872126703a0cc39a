using System.Text;
using FormArchive.Api.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace FormArchive.Api.Cases;

/// <summary>
/// A 核对 result as the 核对机构 sends it to POST /api/cases/{caseId}/verification-results: multipart/form-data with the
/// report as the part "pdf" (a file) and its data as the part "data" (JSON, as a file part or a text field). The parts
/// are read one at a time as they stream in, each to its own limit (the report to the upload limit, the data to
/// <see cref="MaxDataBytes"/>), and any other part is refused; errors are problem details in Chinese.
/// </summary>
public sealed record VerificationUpload(string FileName, byte[] Pdf, string Data)
{
    public const long MaxDataBytes = 1024 * 1024;
    private const string Expected = "请以 multipart/form-data 上传：字段 pdf 为核对报告（PDF 文件），字段 data 为其数据（JSON）。";

    public static async Task<(VerificationUpload? Upload, ProblemHttpResult? Problem)> ReadAsync(HttpRequest request, long maxBytes, CancellationToken ct)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(type.Boundary).Value is not { Length: > 0 } boundary)
            return (null, Problems.Create(StatusCodes.Status415UnsupportedMediaType, "不支持的媒体类型", Expected));
        if (request.ContentLength > maxBytes) return (null, TooLarge("上传内容", maxBytes));
        // Kestrel stops reading past the limit, also for chunked bodies without a length.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = maxBytes;

        var reader = new MultipartReader(boundary, request.Body) { HeadersCountLimit = 16 };
        (string Name, byte[] Content)? pdf = null;
        string? data = null;
        try
        {
            while (await reader.ReadNextSectionAsync(ct) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var part)
                    || !part.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase))
                    return (null, Problems.BadRequest("上传内容有误", Expected));
                switch (HeaderUtilities.RemoveQuotes(part.Name).Value)
                {
                    case "pdf" when pdf is null:
                        if (await ReadPartAsync(section.Body, maxBytes, ct) is not { } content) return (null, TooLarge("核对报告", maxBytes));
                        var name = HeaderUtilities.RemoveQuotes(part.FileNameStar.HasValue ? part.FileNameStar : part.FileName).Value;
                        pdf = (string.IsNullOrWhiteSpace(name) ? "核对报告.pdf" : name, content);
                        break;
                    case "data" when data is null:
                        if (await ReadPartAsync(section.Body, MaxDataBytes, ct) is not { } json) return (null, TooLarge("核对数据", MaxDataBytes));
                        try { data = new UTF8Encoding(false, true).GetString(json).TrimStart('\uFEFF'); }
                        catch (DecoderFallbackException) { return (null, Problems.BadRequest("核对数据有误", "核对数据：不是 UTF-8 编码的文字。")); }
                        break;
                    case "pdf" or "data":
                        return (null, Problems.BadRequest("上传内容有误", $"字段 {part.Name} 只能有一个：一次上传一份核对报告及其数据。"));
                    default:
                        return (null, Problems.BadRequest("上传内容有误", $"不认识的字段“{HeaderUtilities.RemoveQuotes(part.Name).Value}”。{Expected}"));
                }
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, TooLarge("上传内容", maxBytes));
        }
        catch (BadHttpRequestException e)
        {
            return (null, Problems.FromBadRequest(e));
        }
        catch (Exception e) when (e is IOException or InvalidDataException)
        {
            return (null, Problems.BadRequest("上传内容有误", "无法读取 multipart/form-data 上传内容。"));
        }
        if (pdf is not { } report) return (null, Problems.BadRequest("缺少核对报告", "请在 multipart 字段 pdf 中发送核对报告（PDF 文件）。"));
        if (data is null) return (null, Problems.BadRequest("缺少核对数据", "请在 multipart 字段 data 中发送核对数据（JSON）。"));
        return (new VerificationUpload(Path.GetFileName(report.Name), report.Content, data), null);
    }

    /// <summary>The part's bytes, or null as soon as they pass <paramref name="max"/>.</summary>
    private static async Task<byte[]?> ReadPartAsync(Stream body, long max, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int n;
        while ((n = await body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + n > max) return null;
            buffer.Write(chunk, 0, n);
        }
        return buffer.ToArray();
    }

    private static ProblemHttpResult TooLarge(string what, long maxBytes) =>
        Problems.Create(StatusCodes.Status413PayloadTooLarge, "上传内容过大", $"{what}最多 {maxBytes:N0} 字节。");
}
