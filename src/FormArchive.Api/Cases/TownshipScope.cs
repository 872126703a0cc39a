using System.Globalization;
using FormArchive.Api.Access;
using FormArchive.Api.Http;
using FormArchive.Archive.Access;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FormArchive.Api.Cases;

/// <summary>
/// Which township a township-wide list is for: a clerk's own (asking for another is 403), an archivist's
/// choice (required). Also reads the lists' optional day.
/// </summary>
public sealed record TownshipScope(string? Township, ProblemHttpResult? Problem)
{
    public static TownshipScope Of(Caller caller, string? asked)
    {
        var t = string.IsNullOrWhiteSpace(asked) ? null : asked.Trim();
        if (caller.Key.Role == Role.Clerk)
            return t is null || t == caller.Key.Township
                ? new(caller.Key.Township, null)
                : new(null, Problems.Create(StatusCodes.Status403Forbidden, "其他乡镇", $"此密钥只能查看{caller.Key.Township}的名单。"));
        return t is null
            ? new(null, Problems.BadRequest("缺少乡镇", "township：请指定乡镇（街道）。"))
            : new(t, null);
    }

    /// <summary>An optional yyyy-MM-dd day; false with a problem if it is given and not one.</summary>
    public static bool TryDay(string? text, out DateOnly? day, out ProblemHttpResult? problem)
    {
        day = null;
        problem = null;
        if (string.IsNullOrWhiteSpace(text)) return true;
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            day = d;
            return true;
        }
        problem = Problems.BadRequest("日期有误", $"date：“{text}”不是 yyyy-MM-dd 格式的日期。");
        return false;
    }
}
