using System.Diagnostics;
using System.Text.Json;

namespace FormArchive.Archive.Verify;

/// <summary>What screening a parsed PDF found: whether qpdf could parse it, and every kind of active or embedded content.</summary>
public sealed record PdfScreenResult(bool Parsed, string? Error, IReadOnlyList<string> Active);

/// <summary>
/// Active and embedded content of a PDF, judged on the parsed file rather than its bytes: qpdf reads it
/// (cross-reference repair, object streams expanded, names decoded — /J#61vaScript is /JavaScript) and writes
/// every object as JSON (stream data left out), which is walked here. Used by the upload screen and by verify,
/// so both judge a file the same way. Refused: /JavaScript, /JS, /Launch, an /OpenAction that is an action (a
/// destination is fine), /AA, embedded files, /RichMedia, /XFA, /SubmitForm, /ImportData.
/// </summary>
public static class PdfScreen
{
    private static readonly HashSet<string> ActiveKeys = new(StringComparer.Ordinal)
    {
        "/JavaScript", "/JS", "/Launch", "/AA", "/EmbeddedFile", "/EmbeddedFiles", "/EF", "/RichMedia", "/RichMediaContent",
        "/RichMediaSettings", "/XFA", "/SubmitForm", "/ImportData",
    };

    private static readonly HashSet<string> ActiveValues = new(StringComparer.Ordinal)
    {
        "/JavaScript", "/Launch", "/SubmitForm", "/ImportData", "/RichMedia", "/RichMediaExecute", "/EmbeddedFile",
    };

    public static TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    public static PdfScreenResult Inspect(byte[] pdf)
    {
        var path = Path.Combine(Path.GetTempPath(), $"formarchive-screen-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, pdf);
        try
        {
            var (code, json, error) = RunQpdf(path);
            if (code is not (0 or 3) || json.Length == 0)
                return new PdfScreenResult(false, error.Length > 0 ? error : $"qpdf exit code {code}", []);
            using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 1024 });
            var objects = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            foreach (var part in doc.RootElement.GetProperty("qpdf").EnumerateArray())
                if (part.ValueKind == JsonValueKind.Object)
                    foreach (var o in part.EnumerateObject())
                        if (o.Name.StartsWith("obj:", StringComparison.Ordinal)) objects[o.Name[4..]] = o.Value;
                        else if (o.Name == "trailer") objects["trailer"] = o.Value;
            var found = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var o in objects.Values) Walk(o, objects, found);
            return new PdfScreenResult(true, null, [.. found]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static void Walk(JsonElement e, Dictionary<string, JsonElement> objects, SortedSet<string> found)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var p in e.EnumerateObject())
                {
                    if (ActiveKeys.Contains(p.Name)) found.Add(p.Name[1..]);
                    if (p.Name is "/S" or "/Type" or "/Subtype" && p.Value.ValueKind == JsonValueKind.String && ActiveValues.Contains(p.Value.GetString()!))
                        found.Add(p.Value.GetString()![1..]);
                    if (p.Name == "/OpenAction" && IsAction(p.Value, objects)) found.Add("OpenAction");
                    Walk(p.Value, objects, found);
                }
                break;
            case JsonValueKind.Array:
                foreach (var item in e.EnumerateArray()) Walk(item, objects, found);
                break;
        }
    }

    /// <summary>An /OpenAction that is a dictionary (an action) rather than a destination array, directly or by reference.</summary>
    private static bool IsAction(JsonElement value, Dictionary<string, JsonElement> objects)
    {
        if (value.ValueKind == JsonValueKind.Object) return true;
        return value.ValueKind == JsonValueKind.String && objects.TryGetValue(value.GetString()!, out var target)
               && target.TryGetProperty("value", out var v) && v.ValueKind == JsonValueKind.Object;
    }

    private static (int? Code, string Json, string Error) RunQpdf(string path)
    {
        var start = new ProcessStartInfo("qpdf") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "--json=2", "--json-key=qpdf", "--json-stream-data=none", "--no-warn", path }) start.ArgumentList.Add(a);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("qpdf could not be started");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(true);
            return (null, "", $"qpdf took longer than {Timeout.TotalSeconds:0} s");
        }
        var error = stderr.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "";
        return (process.ExitCode, stdout.Result, error.Replace(path, "the file", StringComparison.Ordinal));
    }
}
