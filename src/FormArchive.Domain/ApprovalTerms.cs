namespace FormArchive.Domain;

/// <summary>
/// What a 批准 decides and the forms print (池民社救〔2024〕56号 附件3 乡镇意见 and 县（区）民政局意见; 附件8): the 低保 amounts per
/// person and household, the 特困 供养形式 with its standards, the 临时救助 amount and the month the benefit starts.
/// </summary>
public sealed record ApprovalTerms
{
    /// <summary>纳入人数.</summary>
    public int? CoveredPersons { get; init; }
    /// <summary>低保 人均补助金额（元/月）.</summary>
    public decimal? PerCapitaMonthly { get; init; }
    /// <summary>低保 家庭补助金额（元/月）.</summary>
    public decimal? HouseholdMonthly { get; init; }
    /// <summary>特困 供养形式: 分散供养 or 集中供养.</summary>
    public string? SupportForm { get; init; }
    /// <summary>特困 基本生活标准（元/月）.</summary>
    public decimal? BasicMonthly { get; init; }
    /// <summary>特困 照料护理标准: 全护理, 半护理 or 全自理.</summary>
    public string? CareLevel { get; init; }
    /// <summary>照料护理标准（元/月）.</summary>
    public decimal? CareMonthly { get; init; }
    /// <summary>临时救助 一次性救助金额（元）.</summary>
    public decimal? TemporaryAmount { get; init; }
    /// <summary>从…月起执行: the first month of the benefit (its first day).</summary>
    public DateOnly? FromMonth { get; init; }
}
