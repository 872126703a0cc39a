using System.Text.Json;
using FormArchive.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FormArchive.Api.Http;

/// <summary>
/// The one check of JSON request bodies, as an endpoint filter (<see cref="JsonBodyFilter"/>) put on every endpoint
/// that takes JSON: 415 for another content type, 413 over the limit, 400 naming the JSON path of malformed or
/// mistyped data. The handler then takes the checked body from here: <see cref="Of{T}"/> or <see cref="Text"/>.
/// </summary>
public static class JsonBody
{
    public const int MaxBytes = 1 << 20;

    /// <summary>The body, read into <typeparamref name="T"/> (ArchiveJson options), for the handler.</summary>
    public static RouteHandlerBuilder AcceptsJson<T>(this RouteHandlerBuilder endpoint, int maxBytes = MaxBytes) where T : class =>
        endpoint.Checked(new JsonBodyRule(typeof(T), maxBytes, "请求", Optional: false));

    /// <summary>
    /// Case data handed on as text (to the printer or the schema validator, which name its errors by path):
    /// well-formed JSON of at most <paramref name="maxBytes"/>; <paramref name="optional"/> admits an empty body (a blank form).
    /// </summary>
    public static RouteHandlerBuilder AcceptsJsonText(this RouteHandlerBuilder endpoint, int maxBytes, bool optional) =>
        endpoint.Checked(new JsonBodyRule(null, maxBytes, "案件数据", optional));

    /// <summary>
    /// The filter, and its rule as metadata: the OpenAPI request body is read off it (<see cref="Observability.ApiReference"/>).
    /// Not Accepts(…): routing would then answer a wrong content type itself, with a bare 415 in English.
    /// </summary>
    private static RouteHandlerBuilder Checked(this RouteHandlerBuilder endpoint, JsonBodyRule rule) =>
        endpoint.AddEndpointFilter(new JsonBodyFilter(rule)).WithMetadata(rule);

    /// <summary>The body the filter read, as <typeparamref name="T"/>.</summary>
    public static T Of<T>(HttpContext http) where T : class =>
        http.Items.TryGetValue(JsonBodyFilter.ValueKey, out var v) && v is T value
            ? value
            : throw new InvalidOperationException($"endpoint does not accept {typeof(T).Name} (AcceptsJson)");

    /// <summary>The body the filter read as text; null when it was empty.</summary>
    public static string? Text(HttpContext http) => http.Items.TryGetValue(JsonBodyFilter.TextKey, out var v) ? v as string : null;

    /// <summary>
    /// 400 naming where the body is at fault: for malformed JSON the line and byte in it (and the JSON path read so
    /// far), for well-formed JSON of the wrong shape the JSON path. Never System.Text.Json's English message; a
    /// message of our own (already Chinese) is kept.
    /// </summary>
    public static ProblemHttpResult Invalid(JsonException e)
    {
        var path = e.Path ?? "$";
        var at = e.LineNumber is { } line && e.BytePositionInLine is { } position ? $"（第 {line + 1} 行第 {position + 1} 个字节处）" : "";
        var (title, message) = IsMalformed(e)
            ? ("请求体不是有效的 JSON", $"不是有效的 JSON{at}")
            : ("JSON 有误", ProblemText.IsChinese(e.Message) ? FirstLine(e.Message) : $"此处的值类型、格式或属性名不符合要求{at}");
        message = IdNumberMasking.MaskInText(message); // our own messages echo what was sent
        return Problems.Create(StatusCodes.Status400BadRequest, title, $"{path}：{message}",
            new Dictionary<string, object?> { ["errors"] = new[] { new { path, message } } });
    }

    /// <summary>The reader, not the mapping, refused the text (System.Text.Json's internal JsonReaderException, thrown or wrapped).</summary>
    private static bool IsMalformed(JsonException e)
    {
        for (Exception? x = e; x is not null; x = x.InnerException)
            if (x.GetType().Name == "JsonReaderException") return true;
        return false;
    }

    private static string FirstLine(string s) => s.Split('\n')[0].Trim();
}
