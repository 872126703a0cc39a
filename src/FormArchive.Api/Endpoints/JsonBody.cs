using System.Text.Json;
using FormArchive.Archive.Cases;

namespace FormArchive.Api.Endpoints;

/// <summary>
/// Reads a small JSON request body into <typeparamref name="T"/>: 415 for another content type, 413 over the
/// limit, 400 naming the JSON path of malformed or mistyped data.
/// </summary>
public static class JsonBody
{
    public const int MaxBytes = 1 << 20;

    public static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpRequest request, CancellationToken ct, int maxBytes = MaxBytes) where T : class
    {
        if (request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) != true)
            return (null, Problems.Create(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", "send the request as application/json"));
        string? text;
        try
        {
            text = await RequestBody.ReadLimitedAsync(request, maxBytes, ct);
        }
        catch (BadHttpRequestException e)
        {
            return (null, Problems.FromBadRequest(e));
        }
        if (text is null)
            return (null, Problems.Create(StatusCodes.Status413PayloadTooLarge, "Request too large", $"the JSON body may be at most {maxBytes:N0} bytes"));
        try
        {
            var value = JsonSerializer.Deserialize<T>(text, ArchiveJson.Options);
            return value is null ? (null, Problems.BadRequest("Invalid JSON", "the body is JSON null")) : (value, null);
        }
        catch (JsonException e)
        {
            return (null, Invalid(e));
        }
    }

    /// <summary>400 naming the JSON path of malformed, mistyped or misplaced data.</summary>
    public static IResult Invalid(JsonException e)
    {
        var path = e.Path ?? "$";
        return Problems.Create(StatusCodes.Status400BadRequest, "Invalid JSON", $"{path}: {FirstLine(e.Message)}",
            new Dictionary<string, object?> { ["errors"] = new[] { new { path, message = FirstLine(e.Message) } } });
    }

    private static string FirstLine(string s) => s.Split('\n')[0].Trim();
}
