namespace FormArchive.Archive.Cases;

/// <summary>
/// Something kept in step with the cases (the catalog): told the new state after every committed change,
/// and whenever this instance folds in events written by another one. It is derived data, rebuildable
/// from the store, so a failed update never fails the archive operation that caused it.
/// </summary>
public interface ICaseIndex
{
    Task UpdateAsync(CaseManifest manifest, CancellationToken ct = default);
}
