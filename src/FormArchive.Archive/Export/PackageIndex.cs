namespace FormArchive.Archive.Export;

/// <summary>
/// package.json of an export: which ZIP entry holds which document, with the digests a receiver checks the
/// entry bytes against. The signed record is manifest.json; this index only maps it onto entry names.
/// </summary>
public sealed record PackageIndex
{
    public const string FormatId = "formarchive.export-package/1";

    public string Format { get; init; } = FormatId;
    public required string CaseId { get; init; }
    public required DateTimeOffset ExportedAt { get; init; }
    public required string ExportedBy { get; init; }
    /// <summary>SHA-256 of manifest.json, as named by the case's seal event.</summary>
    public required string ManifestSha256 { get; init; }
    public required string SignatureAlgorithm { get; init; }
    public required string KeyId { get; init; }
    public required IReadOnlyList<PackageEntry> Documents { get; init; }
}

/// <summary>One document's entry in the package.</summary>
public sealed record PackageEntry(int No, string Path, string Title, string MediaType, long Size, string Sha256, string Sm3);
