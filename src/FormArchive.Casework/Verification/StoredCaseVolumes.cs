using FormArchive.Archive.Cases;
using FormArchive.Archive.Storage;
using FormArchive.Archive.Verify;
using FormArchive.Casework.Volumes;

namespace FormArchive.Casework.Verification;

/// <summary>
/// Every volume of a case (the case itself, its 补充卷 …) as the store holds it now, found from one verified volume:
/// the whole stage log runs through them. <see cref="Problems"/> says, in Chinese, which volume is missing or broken,
/// so that the log read is not the whole log.
/// </summary>
public sealed record StoredCaseVolumes(IReadOnlyList<StoredEventLog> Logs, IReadOnlyList<string> Problems)
{
    /// <summary>The volumes of the case <paramref name="verified"/> belongs to, oldest first, up to the last that is linked to it.</summary>
    public static async Task<StoredCaseVolumes> ReadAsync(IArchiveStore store, StoredEventLog verified, CancellationToken ct)
    {
        if (verified.Fold is not { } of) return new([], []);
        var root = of.Metadata.SupplementOf ?? of.CaseId;
        var logs = new List<StoredEventLog>();
        var problems = new List<string>();
        for (int volume = 1; ; volume++)
        {
            var id = CaseKeys.VolumeId(root, volume);
            var log = id == verified.CaseId ? verified : await StoredEventLog.ReadAsync(store, id, ct);
            if (log.Fold is null || !SupplementVolumes.IsVolume(log.Fold, of, root, volume))
            {
                // After the verified volume: the case has no more. Before it: a volume of the log is missing.
                if (volume > of.Metadata.Volume) break;
                problems.Add($"第 {volume} 卷（{id}）缺失或无法读取");
                continue;
            }
            if (log.Problems.Count > 0 && id != verified.CaseId)
                problems.Add($"第 {volume} 卷（{id}）的事件日志不完整：{string.Join("；", log.Problems)}");
            logs.Add(log);
        }
        return new(logs, problems);
    }

    /// <summary>The steps of every volume that name their signer, in the order written.</summary>
    public IReadOnlyList<SignedStep> SignedSteps =>
    [
        .. Logs.SelectMany(log => log.Events
            .Where(e => e.Type == ArchiveEvent.Stage && e.StageRecord?.Signer is not null)
            .Select(e => new SignedStep(e.StageRecord!, e.StageRecord!.Signer!, e.At, log.CaseId, log.Fold!.Metadata.Volume))),
    ];

    /// <summary>The volumes' folds, oldest first, as the stage rules replay them.</summary>
    public IReadOnlyList<CaseManifest> Manifests => [.. Logs.Select(l => l.Fold!)];

    /// <summary>How many steps the volumes hold, signed or not.</summary>
    public int StepCount => Logs.Sum(l => l.Fold!.Stages.Count);
}
