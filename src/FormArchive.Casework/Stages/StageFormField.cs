using System.Text.Json.Nodes;

namespace FormArchive.Casework.Stages;

/// <summary>
/// One field of a form's data that the case log decides: left out, it is filled from the log; given, it must agree
/// with the log, else the print is refused, so a form printed into a case never carries what its log does not hold.
/// </summary>
internal static class StageFormField
{
    /// <summary>The text given for <paramref name="field"/>, trimmed; null when it is left out, null or blank.</summary>
    public static string? Given(JsonObject section, string field) =>
        section[field] is JsonValue v && v.TryGetValue<string>(out var s) && !string.IsNullOrWhiteSpace(s) ? s.Trim() : null;

    /// <summary>
    /// Fills <paramref name="field"/> with <paramref name="logged"/> when left out and adds its path to
    /// <paramref name="filled"/>; keeps a given value that <paramref name="agrees"/> (the same text when null).
    /// </summary>
    /// <param name="what">What the log holds, as the refusal names it: “受理”的日期, “初审意见”的签名人 …</param>
    /// <param name="noun">What the clerk is to delete: 日期, 姓名 …</param>
    /// <exception cref="CaseworkException">The given value does not agree with the log's.</exception>
    public static void Fill(JsonObject section, string sectionName, string field, string logged, string what, string noun,
        List<string> filled, Func<string, bool>? agrees = null)
    {
        if (Given(section, field) is not { } given)
        {
            section[field] = logged;
            filled.Add($"{sectionName}.{field}");
        }
        else if (!(agrees ?? (g => g == logged))(given))
            throw new CaseworkException($"表格数据 {sectionName}.{field} 为 {given}，与办理记录中{what} {logged} 不一致；请删去该{noun}（将按办理记录填写）或更正。");
    }
}
