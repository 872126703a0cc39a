namespace FormArchive.Archive.Storage;

/// <summary>
/// The two areas of a store. They are separate because S3 object lock needs a versioned bucket, and a
/// versioned bucket (on Ceph RGW at least) ignores <c>If-None-Match: *</c>, which the journal needs for
/// conditional appends across API instances.
/// </summary>
public enum StoreArea
{
    /// <summary>Write-once content objects and sealed manifests; lockable (S3 object-lock retention).</summary>
    Vault,

    /// <summary>Per-case event log, current-manifest snapshot and access log; supports create-if-absent.</summary>
    Journal,
}
