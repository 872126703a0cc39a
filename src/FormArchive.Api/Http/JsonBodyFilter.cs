using System.Text.Json;
using FormArchive.Archive.Cases;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FormArchive.Api.Http;

/// <summary>
/// The filter behind <see cref="JsonBody.AcceptsJson{T}"/> and <see cref="JsonBody.AcceptsJsonText"/>: reads the
/// body once, within its limit, before the handler runs; a refusal is RFC 7807 in Chinese (audited by an <see cref="Audit.AuditFilter"/> around it, if any).
/// </summary>
public sealed class JsonBodyFilter(JsonBodyRule rule) : IEndpointFilter
{
    internal static readonly object ValueKey = new(), TextKey = new();

    public JsonBodyRule Rule { get; } = rule;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        return await ReadAsync(http) ?? await next(context);
    }

    private async Task<ProblemHttpResult?> ReadAsync(HttpContext http)
    {
        var request = http.Request;
        var json = request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) == true;
        if (!json && (!Rule.Optional || request.ContentLength > 0)) return NotJson();
        string? text;
        try
        {
            text = await RequestBody.ReadLimitedAsync(request, Rule.MaxBytes, http.RequestAborted);
        }
        catch (BadHttpRequestException e)
        {
            return Problems.FromBadRequest(e);
        }
        if (text is null)
            return Problems.Create(StatusCodes.Status413PayloadTooLarge, $"{Rule.What}过大", $"{Rule.What}最多 {Rule.MaxBytes:N0} 字节。");
        if (Rule.Optional && string.IsNullOrWhiteSpace(text)) return null;
        if (!json) return NotJson(); // a body sent without a length
        try
        {
            if (Rule.Type is null)
            {
                using var _ = JsonDocument.Parse(text);
                http.Items[TextKey] = text;
                return null;
            }
            var value = JsonSerializer.Deserialize(text, Rule.Type, ArchiveJson.Options);
            if (value is null) return Problems.BadRequest("JSON 有误", "$：请求体是 JSON null。");
            http.Items[ValueKey] = value;
            http.Items[TextKey] = text;
            return null;
        }
        catch (JsonException e)
        {
            return JsonBody.Invalid(e);
        }
    }

    private ProblemHttpResult NotJson() =>
        Problems.Create(StatusCodes.Status415UnsupportedMediaType, "不支持的媒体类型", $"请以 application/json 发送{Rule.What}。");
}
