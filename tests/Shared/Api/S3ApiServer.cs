using FormArchive.Testing;

namespace FormArchive.Tests.Api;

/// <summary>
/// The service on the S3 store: a Ceph RGW of its own (scripts/ceph-rgw.sh, own folder and free ports, so it never
/// meets the archive tests' server running in parallel), a fresh bucket, and GOVERNANCE retention for one year
/// so that the test data can be cleaned up. Settings go through configuration, not process environment.
/// </summary>
public sealed class S3ApiServer : ApiServer
{
    private CephRgw? _ceph;
    private readonly string _cephName;

    public S3ApiServer() : this("formarchive-ceph-api-tests") { }

    /// <summary>A server on a Ceph RGW of its own folder: one a test stops must not be the shared server's (same process, same folder).</summary>
    internal S3ApiServer(string cephName) => _cephName = cephName;

    public override string StoreKind => "s3";

    /// <summary>The Ceph RGW the app files into (the crash tests give their child processes buckets on it).</summary>
    internal CephRgw Ceph => _ceph ?? throw new InvalidOperationException("not started");

    protected override Task<string[]> SettingsAsync()
    {
        _ceph = CephRgw.StartOwn(_cephName);
        return Task.FromResult<string[]>([
            $"--FormArchive:S3:Endpoint={_ceph.Endpoint}", $"--FormArchive:S3:AccessKey={_ceph.AccessKey}",
            $"--FormArchive:S3:SecretKey={_ceph.SecretKey}", $"--FormArchive:S3:Bucket=fa-api-{Guid.NewGuid().ToString("N")[..12]}",
            "--FormArchive:RetentionMode=GOVERNANCE", "--FormArchive:RetentionYears=1",
        ]);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _ceph?.Dispose();
    }
}

/// <summary>The S3 suites share one server (and one Ceph start, about 12 s); they run one after the other.</summary>
[CollectionDefinition(Name)]
public sealed class S3ApiCollection : ICollectionFixture<S3ApiServer>
{
    public const string Name = "API on S3";
}
