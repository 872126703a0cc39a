namespace FormArchive.Archive.Cases;

/// <summary>One document (件) to file into a case: a rendered form, a scan or its rendition.</summary>
public sealed record DocumentUpload
{
    public required string Title { get; init; }
    /// <summary>责任者: who made the document (office, applicant, clerk).</summary>
    public string ResponsibleParty { get; init; } = "";
    /// <summary>文号 (发文字号), e.g. a 告知书's “（2024年第 3 号）”; null when the document has none.</summary>
    public string? DocNumber { get; init; }
    /// <summary>形成日期.</summary>
    public DateOnly? Date { get; init; }
    public required string FileName { get; init; }
    /// <summary>application/pdf, image/jpeg, image/png, application/json …</summary>
    public required string MediaType { get; init; }
    public required byte[] Content { get; init; }
    /// <summary>SHA-256 of the document this one is a rendition of (a scan's original bytes), if any.</summary>
    public string? DerivedFrom { get; init; }
}
