using FormArchive.Archive.Cases;

namespace FormArchive.Archive.Catalog;

/// <summary>
/// Derives a case's <see cref="CaseStanding"/> from its manifest. The stage rules live in FormArchive.Casework,
/// which the archive does not reference, so the host hands the catalog this instead.
/// </summary>
public interface ICaseStandingSource
{
    /// <summary>Never throws for a bad log: a log the rules refuse gives a standing with a problem.</summary>
    CaseStanding Of(CaseManifest manifest);
}
