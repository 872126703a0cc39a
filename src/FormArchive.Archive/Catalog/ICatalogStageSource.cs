using FormArchive.Archive.Cases;

namespace FormArchive.Archive.Catalog;

/// <summary>
/// Derives a case's <see cref="CatalogStage"/> from its manifest. The stage rules live in FormArchive.Casework,
/// which the archive does not reference, so the host hands the catalog this instead.
/// </summary>
public interface ICatalogStageSource
{
    /// <summary>
    /// Never throws for a bad log: a log the rules refuse gives a standing with a problem. A 补充卷 continues the
    /// stage log of the volumes before it, which the source reads from <paramref name="archive"/> (earlier volumes
    /// only: they are sealed, and a volume's gate is never taken while a later one waits for it).
    /// </summary>
    Task<CatalogStage> OfAsync(CaseManifest manifest, CaseArchive archive, CancellationToken ct);
}
