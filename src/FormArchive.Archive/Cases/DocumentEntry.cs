namespace FormArchive.Archive.Cases;

/// <summary>
/// A document as listed in the manifest. <see cref="No"/> (件号) is its position in the event log, so it is
/// continuous by construction whatever the concurrency.
/// </summary>
public sealed record DocumentEntry
{
    public int No { get; init; }
    public required string Title { get; init; }
    public string ResponsibleParty { get; init; } = "";
    /// <summary>文号 (发文字号) as filed; null when the document has none (omitted from the JSON then).</summary>
    public string? DocNumber { get; init; }
    public DateOnly? Date { get; init; }
    public required string FileName { get; init; }
    public required string MediaType { get; init; }
    public long Size { get; init; }
    public required string Sha256 { get; init; }
    public required string Sm3 { get; init; }
    /// <summary>Vault key of the bytes.</summary>
    public required string Key { get; init; }
    public string? DerivedFrom { get; init; }
    public DateTimeOffset AddedAt { get; init; }
    public string AddedBy { get; init; } = "";
}
