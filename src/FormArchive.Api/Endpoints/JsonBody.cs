using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FormArchive.Api.Endpoints;

/// <summary>
/// The one check of JSON request bodies, as an endpoint filter (<see cref="JsonBodyFilter"/>) put on every endpoint
/// that takes JSON: 415 for another content type, 413 over the limit, 400 naming the JSON path of malformed or
/// mistyped data. The handler then takes the checked body from here: <see cref="Of{T}"/> or <see cref="Text"/>.
/// </summary>
public static class JsonBody
{
    public const int MaxBytes = 1 << 20;

    /// <summary>The body, read into <typeparamref name="T"/> (ArchiveJson options), for the handler.</summary>
    public static RouteHandlerBuilder AcceptsJson<T>(this RouteHandlerBuilder endpoint, int maxBytes = MaxBytes, string? auditAction = null) where T : class =>
        endpoint.Checked(new JsonBodyRule(typeof(T), maxBytes, "请求", Optional: false, auditAction));

    /// <summary>
    /// Case data handed on as text (to the printer or the schema validator, which name its errors by path):
    /// well-formed JSON of at most <paramref name="maxBytes"/>; <paramref name="optional"/> admits an empty body (a blank form).
    /// </summary>
    public static RouteHandlerBuilder AcceptsJsonText(this RouteHandlerBuilder endpoint, int maxBytes, bool optional, string? auditAction = null) =>
        endpoint.Checked(new JsonBodyRule(null, maxBytes, "案件数据", optional, auditAction));

    /// <summary>
    /// The filter, and its rule as metadata: the OpenAPI request body is read off it (<see cref="Observability.ApiReference"/>).
    /// Not Accepts(…): routing would then answer a wrong content type itself, with a bare 415 in English.
    /// </summary>
    private static RouteHandlerBuilder Checked(this RouteHandlerBuilder endpoint, JsonBodyRule rule) =>
        endpoint.AddEndpointFilter(new JsonBodyFilter(rule)).WithMetadata(rule);

    /// <summary>The body the filter read, as <typeparamref name="T"/>.</summary>
    public static T Of<T>(HttpContext http) where T : class =>
        http.Items.TryGetValue(JsonBodyFilter.ValueKey, out var v) && v is T value ? value : throw new InvalidOperationException($"endpoint does not accept {typeof(T).Name} (AcceptsJson)");

    /// <summary>The body the filter read as text; null when it was empty.</summary>
    public static string? Text(HttpContext http) => http.Items.TryGetValue(JsonBodyFilter.TextKey, out var v) ? v as string : null;

    /// <summary>400 naming the JSON path of malformed, mistyped or misplaced data.</summary>
    public static ProblemHttpResult Invalid(JsonException e)
    {
        var path = e.Path ?? "$";
        return Problems.Create(StatusCodes.Status400BadRequest, "JSON 有误", $"{path}：{FirstLine(e.Message)}",
            new Dictionary<string, object?> { ["errors"] = new[] { new { path, message = FirstLine(e.Message) } } });
    }

    private static string FirstLine(string s) => s.Split('\n')[0].Trim();
}
