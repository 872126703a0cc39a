using FormArchive.Archive.Cases;

namespace FormArchive.Casework.EconomicVerification;

/// <summary>
/// One 核对 result as filed: the volume that holds it, the report PDF (null only if the archive lost track of it) and the
/// data document derived from it. <see cref="AlreadyFiled"/>: the same result was posted before and nothing was filed now.
/// </summary>
public sealed record FiledVerification(string Volume, DocumentEntry? Report, DocumentEntry Data, bool AlreadyFiled = false);
