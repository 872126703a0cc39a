using FormArchive.Archive.Cases;
using FormArchive.Archive.Fonds;
using FormArchive.Casework.EconomicVerification;
using FormArchive.Domain;

namespace FormArchive.Api.Cases;

/// <summary>One row of the 卷内目录: 件号, 题名, 责任者, 文号 (null: none), 日期, 页数.</summary>
public sealed record DirectoryEntry(int No, string Title, string ResponsibleParty, string? DocNumber, DateOnly? Date, int? Pages,
    string FileName, string MediaType, long Size, string Sha256, string? DerivedFrom, DateTimeOffset AddedAt, string AddedBy);

/// <summary>A case as the API shows it: metadata (ID number masked), seal state and its 卷内目录.</summary>
public sealed record CaseView
{
    public required string CaseId { get; init; }
    /// <summary>The clerk's own file number, if one was given.</summary>
    public string? FileNumber { get; init; }
    /// <summary>档号 (全宗号-目录号-案卷号) as the cover prints it: the sealed one, or from the fonds settings while open.</summary>
    public string? ArchivalCode { get; init; }
    public required string Title { get; init; }
    public required string ApplicantName { get; init; }
    public required string IdNumberMasked { get; init; }
    public required string Township { get; init; }
    public required string Village { get; init; }
    public required string Category { get; init; }
    public required string Stage { get; init; }
    public string Agency { get; init; } = "";
    public DateOnly? OpenedOn { get; init; }
    public bool Sealed { get; init; }
    public DateTimeOffset? SealedAt { get; init; }
    /// <summary>From the signed manifest, never from the unsigned seal event.</summary>
    public string? SealedBy { get; init; }
    /// <summary>True if the stored log is broken or the seal does not agree with its signed manifest; <see cref="Damage"/> says how.</summary>
    public bool Damaged { get; init; }
    public string? Damage { get; init; }
    public int Volume { get; init; }
    public string? SupplementOf { get; init; }
    public required IReadOnlyList<DirectoryEntry> Directory { get; init; }
    /// <summary>The case's 家庭经济状况核对 results (the current one labelled in full), or null if none is filed; on GET only.</summary>
    public CaseVerificationView? Verification { get; init; }

    /// <summary>The view of <paramref name="m"/>; without <paramref name="fonds"/> only a sealed case's 档号 is known.</summary>
    public static CaseView Of(CaseManifest m, IReadOnlyDictionary<int, int>? pages = null, FondsRegistry? fonds = null)
    {
        var meta = m.Metadata;
        return new CaseView
        {
            CaseId = m.CaseId, FileNumber = meta.FileNumber,
            ArchivalCode = fonds is null ? m.SealedReference?.ArchivalCode : ArchivalReference.Of(m, fonds).ArchivalCode,
            Title = meta.Title, ApplicantName = meta.ApplicantName, IdNumberMasked = IdNumberMasking.Mask(meta.IdNumber),
            Township = meta.Township, Village = meta.Village, Category = meta.Category, Stage = meta.Status, Agency = meta.Agency,
            OpenedOn = meta.OpenedOn, Sealed = m.Sealed, SealedAt = m.SealedAt, SealedBy = m.SealedBy, Damaged = m.Damaged, Damage = m.Damage,
            Volume = meta.Volume, SupplementOf = meta.SupplementOf,
            Directory = m.Documents.Select(d => new DirectoryEntry(d.No, d.Title, d.ResponsibleParty, d.DocNumber, d.Date,
                pages is not null && pages.TryGetValue(d.No, out var p) ? p : null,
                d.FileName, d.MediaType, d.Size, d.Sha256, d.DerivedFrom, d.AddedAt, d.AddedBy)).ToList(),
        };
    }
}
