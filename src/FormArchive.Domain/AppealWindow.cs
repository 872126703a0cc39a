namespace FormArchive.Domain;

/// <summary>
/// The time limits printed on written decisions (池民社救〔2024〕56号 attachments 7, 8 and 10), kept
/// here so that every form prints the same numbers.
/// </summary>
public static class AppealWindow
{
    /// <summary>
    /// 复查申请: “可自收到本告知书之日起15日内向本单位提出复查申请”
    /// (不予批准告知书, 审核确认告知书).
    /// </summary>
    public const int ReviewRequestDays = 15;

    /// <summary>
    /// 行政复议: “可自收到本告知书之日起60日内申请行政复议” (保障金调整（停发）告知书),
    /// the general period of 《中华人民共和国行政复议法》.
    /// </summary>
    public const int AdministrativeReconsiderationDays = 60;

    /// <summary>
    /// The days for a kind of remedy named as on the forms: "复查" (复查申请) or "行政复议".
    /// </summary>
    /// <exception cref="ArgumentException">Any other kind.</exception>
    public static int DaysFor(string kind) => kind?.Trim() switch
    {
        "复查" or "复查申请" => ReviewRequestDays,
        "行政复议" => AdministrativeReconsiderationDays,
        _ => throw new ArgumentException($"未知的救济途径“{kind}”，应为“复查”或“行政复议”。", nameof(kind)),
    };
}
