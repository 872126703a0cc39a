namespace FormArchive.Casework.Corrections;

/// <summary>
/// POST /api/cases/{id}/pages/corrections. <see cref="Document"/> is the scan's ingest result or its searchable
/// PDF; <see cref="Type"/> a hint name; <see cref="Member"/> a household member's name; <see cref="IdNumber"/>
/// (full or masked as shown) picks the ID number on a page that has several. Null fields are not corrected.
/// </summary>
public sealed record PageCorrectionRequest
{
    public int? Document { get; init; }
    public int? Page { get; init; }
    public string? Type { get; init; }
    public string? Member { get; init; }
    public string? IdNumber { get; init; }
    public string? Reason { get; init; }

    // Records print every property; a logged request must not show the ID number.
    public override string ToString() => $"PageCorrectionRequest {{ Document = {Document}, Page = {Page}, Type = {Type} }}";
}
