using FormArchive.Archive.Access;
using FormArchive.Casework.Stages;

namespace FormArchive.Casework.Verification;

/// <summary>
/// The signer a step records against the key register: the key is registered, was created by the time it signed and
/// not revoked before, and its holder's name, post and unit (the township, or the county's 民政局) are the ones recorded.
/// </summary>
public static class RegisteredSigner
{
    /// <summary>What does not agree, in Chinese, naming people and posts (never the key); empty when all does.</summary>
    /// <param name="key">The key the step names, from the register; null when the register has no such key.</param>
    public static IReadOnlyList<string> Problems(SignedStep step, ApiKey? key, Counties counties)
    {
        if (key is null) return ["密钥登记中没有签署这一环节的密钥"];
        var recorded = step.Signature;
        var problems = new List<string>();
        if (key.CreatedAt > step.SignedAt)
            problems.Add($"签署时（{When(step.SignedAt)}）密钥尚未登记（{When(key.CreatedAt)}登记）");
        if (key.RevokedAt is { } revoked && revoked < step.SignedAt)
            problems.Add($"{key.Name}的密钥已于{When(revoked)}注销，{When(step.SignedAt)}签署时已无效");
        if (key.Name != recorded.Name)
            problems.Add($"密钥登记的持有人是{key.Name}，不是{recorded.Name}");
        if (key.Post is not { } post || key.Unit is null)
        {
            problems.Add($"该密钥是{key.Name}的{Roles.Label(key.Role)}密钥，不属于乡镇（街道）或县（区），没有岗位");
            return problems;
        }
        if (step.Signer is not { } signer)
        {
            problems.Add("签署记录中的岗位或层级无法识别");
            return problems;
        }
        if (post != signer.Post)
            problems.Add($"密钥登记中{key.Name}是{Posts.Label(post)}，记录为{Posts.Label(signer.Post)}");
        var (level, unit) = key.County is { } county ? (ApprovalLevel.County, counties.Named(county)?.Bureau) : (ApprovalLevel.Township, key.Township);
        if (unit is null)
            problems.Add($"{key.Name}的密钥属{key.County}，本系统没有设置这个县（区）");
        else if (unit != signer.Unit)
            problems.Add($"密钥登记中{key.Name}是{unit}的人员，记录为{signer.Unit}");
        else if (level != signer.Level)
            problems.Add($"{unit}属{level.Label()}，记录为{signer.Level.Label()}");
        return problems;
    }

    /// <summary>A moment as the report prints it: its China date and time.</summary>
    public static string When(DateTimeOffset at) => $"{at.ToOffset(ChinaTime.Offset):yyyy年M月d日 HH:mm}";
}
