namespace FormArchive.Casework.Verification;

/// <summary>
/// 四眼原则 in a stored log: each 负责人审签 paired with the opinion or decision it countersigns — the latest one of its
/// level not yet countersigned, as the stage rules pair them — and the pairs in which one person signed both. The rules
/// refuse such a pair on write; this finds it in a log that was written around them.
/// </summary>
public static class FourEyes
{
    /// <summary>Every countersignature of <paramref name="steps"/> (in the order written) with what it countersigns.</summary>
    public static IReadOnlyList<(SignedStep Opinion, SignedStep Countersign)> Pairs(IEnumerable<SignedStep> steps)
    {
        var awaiting = new Dictionary<CaseEventKind, SignedStep>();
        var pairs = new List<(SignedStep, SignedStep)>();
        foreach (var step in steps)
        {
            if (step.Step is not { } e || step.Signer is not { } signer) continue;
            if (e.Kind is CaseEventKind.PreliminaryOpinion or CaseEventKind.Confirmed)
                awaiting[e.Kind] = step;
            else if (e.Kind == CaseEventKind.Countersigned
                     && awaiting.Where(p => p.Value.Signer!.Level == signer.Level).OrderByDescending(p => p.Value.Step!.At).FirstOrDefault() is
                     { Value: { } opinion } target)
            {
                pairs.Add((opinion, step));
                awaiting.Remove(target.Key);
            }
        }
        return pairs;
    }

}
