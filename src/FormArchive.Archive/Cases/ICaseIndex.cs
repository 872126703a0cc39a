namespace FormArchive.Archive.Cases;

/// <summary>
/// Something kept in step with the cases (the catalog): told the new state after every committed change,
/// and whenever this instance folds in events written by another one. It is derived data, rebuildable
/// from the store, so a failed update never fails the archive operation that caused it.
/// </summary>
public interface ICaseIndex
{
    /// <param name="archive">The archive the case is in, for what the index derives from other cases (a 补充卷's earlier volumes).</param>
    Task UpdateAsync(CaseManifest manifest, CaseArchive archive, CancellationToken ct = default);
}
