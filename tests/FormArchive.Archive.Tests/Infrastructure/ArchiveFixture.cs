using FormArchive.Archive.Cases;
using FormArchive.Archive.Fonds;
using FormArchive.Archive.Seal;
using FormArchive.Archive.Storage;
using FormArchive.Testing;

namespace FormArchive.Archive.Tests.Infrastructure;

/// <summary>
/// One local store and (unless FORMARCHIVE_S3_SKIP=1) one S3 store on Ceph RGW, shared by all archive
/// tests; tests keep apart by using fresh case ids.
/// </summary>
public sealed class ArchiveFixture : IAsyncLifetime
{
    private CephRgw? _ceph;
    private readonly string _root = Path.Combine(Path.GetTempPath(), "formarchive-archive-tests-" + Guid.NewGuid().ToString("N")[..8]);

    public static bool S3Skipped => Environment.GetEnvironmentVariable("FORMARCHIVE_S3_SKIP") is "1" or "true";

    public LocalArchiveStore Local { get; private set; } = null!;
    public S3ArchiveStore? S3 { get; private set; }
    public S3StoreOptions? S3Options { get; private set; }
    public SealSigner Signer { get; private set; } = null!;
    public TimeSpan CephStartup => _ceph?.StartupTime ?? TimeSpan.Zero;
    public string DataRoot => _root;

    public async Task InitializeAsync()
    {
        Local = new LocalArchiveStore(Path.Combine(_root, "store"));
        Signer = SealSigner.LoadOrCreate(Path.Combine(_root, "keys", "seal-ed25519.pem"));
        if (S3Skipped) return;
        _ceph = CephRgw.StartOwn("formarchive-ceph-tests");
        S3Options = new S3StoreOptions
        {
            Endpoint = _ceph.Endpoint,
            AccessKey = _ceph.AccessKey,
            SecretKey = _ceph.SecretKey,
            Bucket = "fa-test-" + Guid.NewGuid().ToString("N")[..10],
        };
        S3 = await S3ArchiveStore.OpenAsync(S3Options);
    }

    public Task DisposeAsync()
    {
        S3?.Dispose();
        _ceph?.Dispose();
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        return Task.CompletedTask;
    }

    public IArchiveStore Store(string kind) => kind switch
    {
        "local" => Local,
        "s3" => S3 ?? throw new InvalidOperationException("S3 leg skipped (FORMARCHIVE_S3_SKIP)"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>A new archive instance over the shared store: two instances behave like two API servers.</summary>
    public CaseArchive Archive(string kind, RetentionPolicy? retention = null, FondsRegistry? fonds = null) =>
        new(Store(kind), Signer, retention ?? new RetentionPolicy(RetentionMode.Governance, 1)) { Fonds = fonds ?? FondsRegistry.Embedded };

    /// <summary>Overwrites a stored vault object as an intruder with store credentials would (past the file mode or object lock).</summary>
    public async Task TamperAsync(string kind, string key, byte[] bytes)
    {
        if (kind == "local")
        {
            var path = Local.PathOf(StoreArea.Vault, key);
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            await File.WriteAllBytesAsync(path, bytes);
        }
        else
        {
            await Store(kind).PutAsync(StoreArea.Vault, key, bytes); // a new version over the locked one
        }
    }

    public static string NewCaseId(string hint = "case") => $"{hint}-{Guid.NewGuid():N}"[..(hint.Length + 13)];
}

[CollectionDefinition("archive")]
public sealed class ArchiveCollection : ICollectionFixture<ArchiveFixture>;

/// <summary>The store kinds every contract test runs on: local always, s3 unless skipped by env.</summary>
public static class StoreKinds
{
    public static TheoryData<string> All
    {
        get
        {
            var data = new TheoryData<string> { "local" };
            if (!ArchiveFixture.S3Skipped) data.Add("s3");
            return data;
        }
    }
}

/// <summary>A fact that runs only on the S3 leg and says so when FORMARCHIVE_S3_SKIP turns that leg off.</summary>
public sealed class S3FactAttribute : FactAttribute
{
    public S3FactAttribute()
    {
        if (ArchiveFixture.S3Skipped) Skip = "S3 leg skipped: FORMARCHIVE_S3_SKIP is set";
    }
}
