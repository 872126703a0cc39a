using FormArchive.Archive.Cases;
using FormArchive.Casework.Filing;

namespace FormArchive.Casework.Volumes;

/// <summary>
/// 补充卷: what comes into a case after it is sealed goes into a new volume (ROOT-V2, ROOT-V3 …). Each volume
/// carries its own copy of the case data, so it stands alone when matched, checked, exported or verified.
/// </summary>
public static class SupplementVolumes
{
    /// <summary>The volume of the same case, later than any sealed one, that is still open; null if none is.</summary>
    public static async Task<CaseManifest?> OpenVolumeAsync(CaseArchive archive, CaseManifest m, CancellationToken ct)
    {
        var root = m.Metadata.SupplementOf ?? m.CaseId;
        for (int volume = 2; ; volume++)
        {
            CaseManifest next;
            try { next = await archive.GetManifestAsync(CaseKeys.VolumeId(root, volume), ct); }
            catch (CaseNotFoundException) { return null; }
            if (!IsVolume(next, m, root, volume)) return null; // an id that only looks like a volume of this case
            if (!next.Sealed) return next;
        }
    }

    /// <summary>The volumes before <paramref name="m"/> (the case itself, then V2 …), oldest first; empty for the case itself.</summary>
    public static async Task<IReadOnlyList<CaseManifest>> EarlierVolumesAsync(CaseArchive archive, CaseManifest m, CancellationToken ct)
    {
        if (m.Metadata.SupplementOf is not { } root) return [];
        var volumes = new List<CaseManifest>();
        for (int volume = 1; volume < m.Metadata.Volume; volume++)
        {
            var earlier = await archive.GetManifestAsync(CaseKeys.VolumeId(root, volume), ct);
            // Counted only if its metadata says it is this case's volume: same root, number and township.
            if (IsVolume(earlier, m, root, volume)) volumes.Add(earlier);
        }
        return volumes;
    }

    /// <summary>
    /// Whether <paramref name="candidate"/> is volume <paramref name="volume"/> of the case rooted at <paramref name="root"/>, by its metadata.
    /// </summary>
    internal static bool IsVolume(CaseManifest candidate, CaseManifest of, string root, int volume)
    {
        var meta = candidate.Metadata;
        bool linked = volume == 1 ? candidate.CaseId == root && meta.SupplementOf is null : meta.SupplementOf == root && meta.Volume == volume;
        return linked && meta.Township == of.Metadata.Township;
    }

    /// <summary>
    /// Every volume of the case <paramref name="m"/> belongs to, oldest first (the case itself, V2 …), up to the first
    /// number that is missing or not this case's. The stage log of the case runs through all of them.
    /// </summary>
    public static async Task<IReadOnlyList<CaseManifest>> AllVolumesAsync(CaseArchive archive, CaseManifest m, CancellationToken ct)
    {
        var volumes = new List<CaseManifest>(await EarlierVolumesAsync(archive, m, ct)) { m };
        var root = m.Metadata.SupplementOf ?? m.CaseId;
        for (int volume = m.Metadata.Volume + 1; ; volume++)
        {
            CaseManifest next;
            try { next = await archive.GetManifestAsync(CaseKeys.VolumeId(root, volume), ct); }
            catch (CaseNotFoundException) { break; }
            if (!IsVolume(next, m, root, volume)) break;
            volumes.Add(next);
        }
        return volumes;
    }

    /// <summary>
    /// Opens the next volume of the sealed case <paramref name="m"/> with the case's latest case data filed in its
    /// opening event, so a volume never exists without its household. With <paramref name="joinOpen"/> a volume that
    /// is already open is returned instead (two writers racing to open one get the same volume).
    /// </summary>
    public static async Task<CaseManifest> OpenAsync(CaseArchive archive, CaseManifest m, string clerk, CancellationToken ct, bool joinOpen = false)
    {
        var documents = new List<DocumentUpload>();
        if (m.Documents.LastOrDefault(d => d.FileName == CaseHousehold.CaseDataFileName) is { } data)
        {
            var (entry, bytes) = await archive.GetDocumentAsync(m.CaseId, data.No, clerk, ct);
            // The same bytes (same SHA-256) as in the sealed volume: the household is the one the case was opened with.
            documents.Add(new DocumentUpload
            {
                Title = entry.Title, ResponsibleParty = entry.ResponsibleParty, Date = ChinaTime.Today(),
                FileName = entry.FileName, MediaType = entry.MediaType, Content = bytes,
            });
        }
        return await archive.OpenSupplementAsync(m.CaseId, clerk, documents, joinOpen, ct);
    }
}
