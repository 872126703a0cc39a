using FormArchive.Archive.Cases;
using FormArchive.Archive.Catalog;
using FormArchive.Archive.Fonds;
using FormArchive.Archive.Seal;
using FormArchive.Archive.Storage;

namespace FormArchive.Archive;

/// <summary>
/// Wires an archive from configuration: the embedded default (a folder under the data directory, a signing
/// key generated there on first run) or S3 when FORMARCHIVE_S3_ENDPOINT is set. The catalog index is a
/// SQLite file in the data directory in both cases (derived data: `formarchive reindex` rebuilds it).
/// Environment: FORMARCHIVE_DATA (default ./data), FORMARCHIVE_SEAL_KEY, FORMARCHIVE_CATALOG_KEY, FORMARCHIVE_RETENTION_MODE
/// (COMPLIANCE|GOVERNANCE), FORMARCHIVE_RETENTION_YEARS, FORMARCHIVE_S3_*, FORMARCHIVE_FONDS (the fonds settings' JSON file).
/// </summary>
public sealed class ArchiveHost : IDisposable
{
    private ArchiveHost(CaseArchive archive, CaseCatalog catalog, string dataDirectory)
    {
        Archive = archive;
        Catalog = catalog;
        DataDirectory = dataDirectory;
    }

    public CaseArchive Archive { get; }
    public CaseCatalog Catalog { get; }
    public string DataDirectory { get; }

    /// <summary>
    /// Opens the archive. Null arguments come from the environment; the service passes its own settings
    /// (FormArchive:S3:*, FormArchive:Retention*) so that two apps in one process can use different stores.
    /// </summary>
    /// <param name="standing">Derives each case's stage and next due date for the catalog (Casework supplies it).</param>
    public static async Task<ArchiveHost> OpenAsync(string? dataDirectory = null, S3StoreOptions? s3 = null, CancellationToken ct = default,
        RetentionPolicy? retention = null, ICatalogStageSource? standing = null, FondsRegistry? fonds = null)
    {
        var data = Path.GetFullPath(dataDirectory ?? Environment.GetEnvironmentVariable("FORMARCHIVE_DATA") ?? "data");
        var signer = SealSigner.LoadOrCreate(Environment.GetEnvironmentVariable("FORMARCHIVE_SEAL_KEY") ?? Path.Combine(data, "keys", "seal-ed25519.pem"));
        retention ??= RetentionPolicy.Parse(
            Environment.GetEnvironmentVariable("FORMARCHIVE_RETENTION_MODE"), Environment.GetEnvironmentVariable("FORMARCHIVE_RETENTION_YEARS"));
        s3 ??= S3StoreOptions.FromEnvironment();
        IArchiveStore store = s3 is not null ? await S3ArchiveStore.OpenAsync(s3, ct) : new LocalArchiveStore(Path.Combine(data, "archive"));
        fonds ??= FondsRegistry.FromEnvironment();
        var catalog = new CaseCatalog(Path.Combine(data, "catalog.db"),
            IdNumberLookup.LoadOrCreate(Environment.GetEnvironmentVariable("FORMARCHIVE_CATALOG_KEY") ?? Path.Combine(data, "keys", "catalog-lookup.key")),
            standing, fonds);
        return new ArchiveHost(new CaseArchive(store, signer, retention, index: catalog) { Fonds = fonds }, catalog, data);
    }

    public void Dispose() => (Archive.Store as IDisposable)?.Dispose();
}
