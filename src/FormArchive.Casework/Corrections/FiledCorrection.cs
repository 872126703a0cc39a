using FormArchive.Archive.Cases;
using FormArchive.Casework.Filing;

namespace FormArchive.Casework.Corrections;

/// <summary>A correction as filed: the record, its document entry and the page as it stands after it.</summary>
public sealed record FiledCorrection(PageCorrection Correction, DocumentEntry Entry, ScannedPage Page);
