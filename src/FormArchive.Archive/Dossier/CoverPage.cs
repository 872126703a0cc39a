using FormArchive.Archive.Cases;
using FormArchive.Archive.Printing;
using FormArchive.Domain;

namespace FormArchive.Archive.Dossier;

/// <summary>
/// 案卷封面 (templates/archive/cover.scriban, after GB/T 9705-2008 3.1.2): the data it prints — the 档号's parts, the
/// title (with its 补充卷 note), 起止日期 from the case's opening to its latest document, counts and the seal.
/// </summary>
public static class CoverPage
{
    public static PrintedPages Print(ArchivePrinter printer, CaseManifest m, ArchivalReference r, int items, int pages)
    {
        var meta = m.Metadata;
        var last = m.Documents.Select(d => d.Date).Where(d => d is not null).Max();
        return printer.Print("cover", new
        {
            r.FondsName,
            r.FondsCode,
            r.CatalogNo,
            r.FileNo,
            meta.Title,
            Volume = Math.Max(1, meta.Volume),
            meta.SupplementOf,
            meta.Agency,
            StartDate = Iso(meta.OpenedOn ?? last),
            EndDate = Iso(last),
            Retention = r.RetentionPeriod,
            r.Classification,
            Items = items,
            Pages = pages,
            m.Sealed,
            SealedOn = m.Sealed && m.SealedAt is { } at ? Iso(ChinaDate(at)) : null,
            SealedBy = m.Sealed ? ActorName.PersonOf(m.SealedBy) : null,
        });
    }

    internal static string? Iso(DateOnly? d) => d?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The calendar day of <paramref name="at"/> in China time, as archives date what was done.</summary>
    internal static DateOnly ChinaDate(DateTimeOffset at) => DateOnly.FromDateTime(at.ToOffset(ChinaTime.Offset).DateTime);
}
