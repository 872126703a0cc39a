using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace FormArchive.Tests.Api;

/// <summary>
/// An RFC 7807 answer as the township clerk reads it: the status, application/problem+json, and a title and detail
/// in Chinese: each has a CJK character and no English sentence (three English words in a row). JSON paths, ids,
/// media types and parameter names stay as they are.
/// </summary>
internal static partial class ProblemAssert
{
    public static async Task<JsonNode> ChineseAsync(HttpResponseMessage response, HttpStatusCode status, string? what = null)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{what}: expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(body)!;
        Assert.Equal((int)status, (int)problem["status"]!);
        foreach (var member in new[] { "title", "detail" })
        {
            var text = (string?)problem[member];
            Assert.True(text is not null && IsChinese(text), $"{what}: {member} is not Chinese: {body}");
        }
        return problem;
    }

    /// <summary>A CJK ideograph and no English sentence.</summary>
    public static bool IsChinese(string text) => Cjk().IsMatch(text) && !EnglishWords().IsMatch(text);

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Cjk();

    [GeneratedRegex(@"\b[A-Za-z]{2,}(?:[ ,;]+[A-Za-z]{2,}){2,}\b")]
    private static partial Regex EnglishWords();
}
