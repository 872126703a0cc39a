using FormArchive.Archive.Cases;
using FormArchive.Casework.Stages;

namespace FormArchive.Casework.Verification;

/// <summary>
/// A step of a case's log that names its signer, as the store holds it: the record, the step as the rules read it
/// (null when its kind, outcome, post or level is not one they know), the volume it is in, and <see cref="SignedAt"/>,
/// when its log entry was written — the moment the person's key signed it. That, not the day the step records
/// (a home visit may be recorded the day after), is when the key must have been valid.
/// </summary>
public sealed record SignedStep(StageRecord Record, StageSignature Signature, DateTimeOffset SignedAt, string VolumeId, int Volume)
{
    public CaseEvent? Step { get; } = StageRecords.FromRecord(Record);

    /// <summary>The signer as the rules read it; null when the stored post or level is not a known one.</summary>
    public Signer? Signer => Step?.SignedBy;

    /// <summary>"审核确认（2024年3月15日）": the step and the day it records, as the report names it.</summary>
    public string Name => $"{Step?.Kind.Label() ?? "办理环节"}（{Record.At.ToOffset(ChinaTime.Offset):yyyy年M月d日}）";

    /// <summary>"秋浦街道 负责人 周八", as recorded (the stored post where it is not a known one).</summary>
    public string SignerLabel => Signer?.Label ?? $"{Signature.Unit} {Signature.Name}";
}
