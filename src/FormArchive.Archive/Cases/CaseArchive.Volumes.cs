namespace FormArchive.Archive.Cases;

// 补充卷: the next volume of a sealed case.
public sealed partial class CaseArchive
{
    /// <summary>
    /// Opens the next 补充卷 of a sealed case (ROOT-V2, ROOT-V3 …) with the same case metadata, linked by
    /// <see cref="CaseMetadata.SupplementOf"/>. The sealed volume itself is never changed.
    /// </summary>
    public Task<CaseManifest> OpenSupplementAsync(string caseId, string clerk, CancellationToken ct = default) =>
        OpenSupplementAsync(caseId, clerk, [], joinOpen: false, ct);

    /// <summary>
    /// Opens the next 补充卷 with <paramref name="documents"/> filed in its opening event (a volume never exists
    /// without them). With <paramref name="joinOpen"/>, a later volume that is still open is returned instead of
    /// opening another, so two writers racing to open a volume end up in the same one.
    /// </summary>
    public async Task<CaseManifest> OpenSupplementAsync(
        string caseId, string clerk, IReadOnlyList<DocumentUpload> documents, bool joinOpen, CancellationToken ct = default)
    {
        var m = await GetManifestAsync(caseId, ct);
        if (!m.Sealed) throw new InvalidOperationException($"case {caseId} is not sealed; file corrections in it directly");
        var root = m.Metadata.SupplementOf ?? caseId;
        for (int volume = 2; ; volume++)
        {
            var id = CaseKeys.VolumeId(root, volume);
            try
            {
                return await OpenCaseAsync(
                    m.Metadata with { CaseId = id, SupplementOf = root, Volume = volume, Status = m.Metadata.Status }, clerk, documents, ct);
            }
            catch (CaseExistsException) when (joinOpen)
            {
                var existing = await GetManifestAsync(id, ct);
                if (!existing.Sealed && existing.Metadata.SupplementOf == root) return existing;
            }
            catch (CaseExistsException)
            {
                // That volume exists; try the next.
            }
        }
    }
}
