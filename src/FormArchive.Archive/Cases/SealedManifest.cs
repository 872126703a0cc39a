namespace FormArchive.Archive.Cases;

/// <summary>
/// What sealing freezes and signs: every document with size, SHA-256 and SM3, the case metadata, who sealed
/// and when, and the head of the event log. Stored in the vault as cases/ID/sealed/SHA256.json with the
/// detached signature beside it (SHA256.sig, base64), both under object-lock retention.
/// </summary>
public sealed record SealedManifest
{
    public const string FormatId = "formarchive.sealed-manifest/1";

    public string Format { get; init; } = FormatId;
    public required string CaseId { get; init; }
    public required CaseMetadata Metadata { get; init; }
    public required IReadOnlyList<DocumentEntry> Documents { get; init; }
    /// <summary>
    /// 全宗名称, 全宗号, 目录号, 案卷号, 保管期限 and 密级 as configured when the case was sealed: signed with the rest,
    /// so the cover, the 四性检测 report and the export print these and not today's configuration. Null in
    /// manifests sealed before seals recorded it.
    /// </summary>
    public ArchivalReference? ArchivalReference { get; init; }
    /// <summary>Vault keys under the case that repair recorded as unreferenced (an interrupted upload): not part of the record.</summary>
    public IReadOnlyList<string>? Unreferenced { get; init; }
    public required DateTimeOffset SealedAt { get; init; }
    public required string SealedBy { get; init; }
    /// <summary>Sequence number and SHA-256 of the last event before the seal event.</summary>
    public required long EventSeq { get; init; }
    public required string EventHead { get; init; }
    public required string SignatureAlgorithm { get; init; }
    public required string KeyId { get; init; }
    public string? RetentionMode { get; init; }
    public DateTimeOffset? RetainUntil { get; init; }
}
