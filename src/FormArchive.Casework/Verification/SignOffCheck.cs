using FormArchive.Archive.Access;
using FormArchive.Archive.Cases;
using FormArchive.Archive.Verify;
using FormArchive.Casework.Stages;

namespace FormArchive.Casework.Verification;

/// <summary>
/// The sign-offs of a case in its 四性检测 report: over the whole stage log (every volume, the 补充卷 too), whether the
/// steps follow the procedure's rules as stored (元数据准确性), whether no person signed both an opinion and its
/// 负责人审签 (四眼原则), and for every signed step whether the key register shows that person, in that post and unit,
/// holding a valid key when it was signed, and in the post the step needs (来源真实性). Without a key register (a case
/// verified away from the service that signed it) the last is reported as not checked (未检测), neither passed nor failed.
/// The rows name people and posts; the key id goes only into the JSON (<see cref="CheckResult.KeyId"/>).
/// </summary>
public sealed class SignOffCheck(CaseArchive archive, ApiKeyStore? keys, CaseworkSettings settings) : IVerificationCheck
{
    public const string RulesName = "办理环节符合办理规则";
    public const string FourEyesName = "四眼原则";
    public const string SignerName = "签署人与密钥登记一致";
    private const string StepsSubject = "办理环节";

    public async Task<IReadOnlyList<CheckResult>> RunAsync(StoredEventLog log, CancellationToken ct)
    {
        var volumes = await StoredCaseVolumes.ReadAsync(archive.Store, log, ct);
        if (volumes.StepCount == 0) return [];
        var (before, rules) = await ReplayAsync(volumes, ct);
        var signed = volumes.SignedSteps;
        var rows = new List<CheckResult> { rules };
        if (FourEyesRow(signed) is { } fourEyes) rows.Add(fourEyes);
        if (signed.Count == 0) return rows;
        if (keys is null)
        {
            rows.Add(new CheckResult(Dat70Item.SourceAuthenticity, SignerName, StepsSubject, null,
                $"没有密钥登记可查（在签署本案的系统之外检测），{signed.Count} 个已签署环节的签署人及其岗位未能与密钥登记核对"));
            return rows;
        }
        var register = keys.List().ToDictionary(k => k.Id, StringComparer.Ordinal);
        var township = volumes.Manifests[0].Metadata.Township.Trim();
        var severalVolumes = volumes.Logs.Count > 1;
        foreach (var step in signed)
        {
            var key = register.GetValueOrDefault(step.Signature.KeyId);
            var problems = RegisteredSigner.Problems(step, key, settings.Counties)
                .Concat(key is null ? [] : RequiredSigner.Problems(step, key, township, before, settings.Counties)).ToList();
            rows.Add(new CheckResult(Dat70Item.SourceAuthenticity, SignerName, (severalVolumes ? $"第 {step.Volume} 卷 " : "") + step.Name,
                problems.Count == 0,
                problems.Count == 0
                    ? $"{step.SignerLabel}：签署时持有效密钥，姓名、岗位、单位与密钥登记相符"
                    : $"{step.SignerLabel}：{string.Join("；", problems)}")
            { KeyId = step.Signature.KeyId });
        }
        return rows;
    }

    /// <summary>
    /// The case's log before its first step (null when what 受理 recorded is unreadable) and the row saying whether the
    /// stored steps replay under the rules.
    /// </summary>
    private async Task<(StageLog? Before, CheckResult Row)> ReplayAsync(StoredCaseVolumes volumes, CancellationToken ct)
    {
        var manifests = volumes.Manifests;
        var caseId = manifests[0].CaseId;
        StageLog? before = null;
        string? refusal = null;
        try
        {
            var applied = await CaseProcedure.AppliedForUnrecordedAsync(archive, manifests, ct);
            before = CaseProcedure.LogBefore(caseId, manifests, settings.Rules, applied);
            CaseProcedure.Replay(caseId, manifests, settings.Rules, applied);
        }
        catch (StoredStageLogException e) { refusal = e.Message; }
        catch (Exception e) when (e is ArchiveCorruptException or CaseworkException or System.Text.Json.JsonException)
        {
            refusal = $"案件的申请数据无法读取，办理环节无法复核：{e.Message}";
        }
        var problems = volumes.Problems.Concat(refusal is null ? [] : [refusal]).ToList();
        return (before, new CheckResult(Dat70Item.MetadataAccuracy, RulesName, StepsSubject, problems.Count == 0, problems.Count == 0
            ? $"共 {volumes.StepCount} 个办理环节{(manifests.Count > 1 ? $"（{manifests.Count} 卷）" : "")}，依次符合办理规则"
            : string.Join("；", problems)));
    }

    /// <summary>The 四眼原则 row, where the log has a 负责人审签; null where it has none.</summary>
    private static CheckResult? FourEyesRow(IReadOnlyList<SignedStep> signed)
    {
        var pairs = FourEyes.Pairs(signed);
        if (pairs.Count == 0) return null;
        var broken = pairs.Where(p => p.Opinion.Signer!.SamePerson(p.Countersign.Signer!)).ToList();
        return new CheckResult(Dat70Item.SourceAuthenticity, FourEyesName, "审批链", broken.Count == 0, broken.Count == 0
            ? $"{pairs.Count} 次负责人审签均由作出意见者以外的负责人签署"
            : string.Join("；", broken.Select(p =>
                $"{p.Opinion.Name}由{p.Opinion.SignerLabel}作出，{p.Countersign.Name}又由{p.Countersign.Signer!.Name}本人签署，同一人不能在同一审批链中签两次")));
    }
}
