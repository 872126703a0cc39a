using System.Text.Json.Serialization;
using FormArchive.Archive.Fonds;

namespace FormArchive.Archive.Cases;

/// <summary>
/// Where a 案卷 is filed, in the one form the 案卷封面 and the export package both print: 全宗名称, 全宗号, 目录号,
/// 案卷号, 保管期限 and 密级, and the 档号 they make (全宗号-目录号-案卷号, DA/T 13). Sealing records it in the
/// signed manifest, so a sealed case prints the reference it was sealed with whatever the configuration says later.
/// </summary>
public sealed record ArchivalReference(string FondsName, string FondsCode, string CatalogNo, string FileNo, string RetentionPeriod, string Classification)
{
    /// <summary>档号: the parts that are known, joined by "-". Derived, so not stored.</summary>
    [JsonIgnore]
    public string ArchivalCode => string.Join("-", new[] { FondsCode, CatalogNo, FileNo }.Where(s => !string.IsNullOrEmpty(s)));

    /// <summary>
    /// The reference a case prints: the one its seal signed, or — for an open case, or one sealed before seals
    /// recorded it — the one <see cref="Of(CaseMetadata, FondsRegistry)"/> makes from the configuration now.
    /// </summary>
    public static ArchivalReference Of(CaseManifest m, FondsRegistry fonds) => m.SealedReference ?? Of(m.Metadata, fonds);

    /// <summary>
    /// The reference of a case. 案卷号 is the clerk's own file number (unique in the township, recorded when the
    /// case was opened) or else the server's case id, so it never changes; a 补充卷 adds its volume (-V2).
    /// 保管期限 is the one the case recorded (set from the unit's configuration when it was opened); the fonds
    /// fields come from the unit's configuration.
    /// </summary>
    public static ArchivalReference Of(CaseMetadata meta, FondsRegistry fonds)
    {
        var unit = fonds.For(meta.Township, meta.Agency);
        var fileNo = FileNoOf(meta.FileNumber, meta.Volume, meta.CaseId);
        var fondsName = unit.FondsName is { Length: > 0 } configured ? configured : meta.Agency.Length > 0 ? meta.Agency : meta.Township;
        var retention = meta.RetentionPeriod is { Length: > 0 } recorded ? recorded : unit.RetentionPeriod!;
        return new ArchivalReference(fondsName, unit.FondsCode!, unit.CatalogNo!, fileNo, retention, unit.Classification!);
    }

    /// <summary>
    /// The 档号 <see cref="Of(CaseMetadata, FondsRegistry)"/> makes, from just the fields it is made of — what the
    /// catalog keeps, so a search shows an open case's 档号 under the settings of now, not of when it was indexed.
    /// </summary>
    public static string CodeOf(FondsRegistry fonds, string township, string agency, string? fileNumber, int volume, string caseId)
    {
        var unit = fonds.For(township, agency);
        return new ArchivalReference("", unit.FondsCode!, unit.CatalogNo!, FileNoOf(fileNumber, volume, caseId), "", "").ArchivalCode;
    }

    private static string FileNoOf(string? fileNumber, int volume, string caseId) =>
        fileNumber is { Length: > 0 } own ? (volume > 1 ? $"{own.Trim()}-V{volume}" : own.Trim()) : caseId;
}
