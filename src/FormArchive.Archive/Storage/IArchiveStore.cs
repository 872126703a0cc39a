namespace FormArchive.Archive.Storage;

/// <summary>
/// Byte storage under string keys ("cases/ID/…"), implemented on a local folder and on S3. Everything the
/// archive guarantees (write-once objects, append-only log, no lost entries) is built on these few calls,
/// so both stores behave the same and run the same tests.
/// </summary>
public interface IArchiveStore
{
    /// <summary>"local:/path" or "s3:endpoint/bucket", for messages.</summary>
    string Description { get; }

    /// <summary>
    /// Writes <paramref name="key"/> only if it does not exist; false if it did. Atomic in the journal
    /// (the basis of the per-case append). In the vault a plain existence check suffices, since vault keys
    /// are content hashes: two writers of one key write the same bytes.
    /// </summary>
    Task<bool> TryCreateAsync(StoreArea area, string key, ReadOnlyMemory<byte> data, CancellationToken ct = default);

    /// <summary>Writes or replaces <paramref name="key"/>; readers see the old or the new bytes, never a mix.</summary>
    Task PutAsync(StoreArea area, string key, ReadOnlyMemory<byte> data, CancellationToken ct = default);

    /// <summary>The bytes of <paramref name="key"/>, or null if it does not exist.</summary>
    Task<byte[]?> GetAsync(StoreArea area, string key, CancellationToken ct = default);

    /// <summary>Keys starting with <paramref name="prefix"/>, in ordinal order.</summary>
    Task<IReadOnlyList<StoredItem>> ListAsync(StoreArea area, string prefix, CancellationToken ct = default);

    /// <summary>Removes <paramref name="key"/> if present (on a versioned bucket: a delete marker).</summary>
    Task DeleteAsync(StoreArea area, string key, CancellationToken ct = default);

    /// <summary>
    /// Protects a vault object against deletion and overwrite until <paramref name="until"/> as far as the
    /// store can: S3 object-lock retention; on disk the file is made read-only.
    /// </summary>
    Task RetainAsync(string key, RetentionPolicy policy, DateTimeOffset until, CancellationToken ct = default);

    /// <summary>
    /// Removes temporary files under <paramref name="prefix"/> left by writers that are gone (a crash between
    /// writing a temporary file and moving it into place); returns how many. Stores whose writes leave no
    /// temporary files (S3: a PUT is whole or absent) have nothing to do.
    /// </summary>
    Task<int> RemoveAbandonedTempFilesAsync(StoreArea area, string prefix, CancellationToken ct = default) => Task.FromResult(0);
}
