namespace FormArchive.Domain;

/// <summary>
/// The 公示 period of a public notice (池民社救〔2024〕56号: “在申请家庭所在村（社区）进行公示7天”;
/// 审核公示单: “公示时间：……日至……日（公示期为7天）”). Days are counted inclusively, the start
/// day being the first: a notice posted on 2024-07-10 runs to 2024-07-16.
/// </summary>
public static class PublicityPeriod
{
    /// <summary>Length of the period in days (公示期为7天).</summary>
    public const int Days = 7;

    /// <summary>The last day of a period starting on <paramref name="start"/> (start + <see cref="Days"/> − 1).</summary>
    public static DateOnly EndDate(DateOnly start) => start.AddDays(Days - 1);
}
