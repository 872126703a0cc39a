using System.Globalization;
using FormArchive.Archive.Printing;

namespace FormArchive.Archive.Dossier;

/// <summary>
/// 案卷办理过程 (templates/archive/case-process.scriban): the case's steps after its documents, before the 卷内备考表.
/// Placed there, not after the 卷内目录, so that the front matter stays as GB/T 9705 and DA/T 22 have it (封面, then
/// the 目录 directly followed by the documents it lists) and the 备考表 stays the last page and can account for it.
/// </summary>
public static class CaseProcessPages
{
    public static PrintedPages Print(ArchivePrinter printer, string title, string archivalCode, IReadOnlyList<CaseProcessStep> steps) =>
        printer.Print("case-process", new
        {
            Title = title,
            ArchivalCode = archivalCode,
            Steps = steps.Select(s => new
            {
                Date = s.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                Time = s.Time.ToString("HH:mm", CultureInfo.InvariantCulture),
                s.What,
                s.Actor,
                s.Remark,
            }).ToList(),
        });
}
