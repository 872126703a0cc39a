using System.Text.RegularExpressions;

namespace FormArchive.Api.Http;

/// <summary>What every problem text has to be for the township clerk: Chinese, and without an unmasked ID number.</summary>
public static partial class ProblemText
{
    /// <summary>Whether <paramref name="text"/> has at least one CJK ideograph (a message already written for the clerk).</summary>
    public static bool IsChinese(string? text) => text is not null && Cjk().IsMatch(text);

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Cjk();
}
