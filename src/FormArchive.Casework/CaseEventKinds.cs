namespace FormArchive.Casework;

/// <summary>Reads event kinds and outcomes as clerks and callers write them: by name or by Chinese label.</summary>
public static class CaseEventKinds
{
    /// <summary>HomeVisited, homeVisited or 入户调查; null if none matches (numbers are not names).</summary>
    public static CaseEventKind? Parse(string? text)
    {
        var s = text?.Trim();
        if (string.IsNullOrEmpty(s)) return null;
        foreach (var kind in Enum.GetValues<CaseEventKind>())
            if (string.Equals(kind.ToString(), s, StringComparison.OrdinalIgnoreCase) || kind.Label() == s)
                return kind;
        return null;
    }

    /// <summary>Approved/approved/批准 or Rejected/rejected/不予批准; null if neither.</summary>
    public static CaseOutcome? ParseOutcome(string? text)
    {
        var s = text?.Trim();
        if (string.IsNullOrEmpty(s)) return null;
        foreach (var outcome in Enum.GetValues<CaseOutcome>())
            if (string.Equals(outcome.ToString(), s, StringComparison.OrdinalIgnoreCase) || outcome.Label() == s)
                return outcome;
        return null;
    }

    /// <summary>Every kind with its label, for error messages: “受理(Accepted)、…”.</summary>
    public static string Choices() => string.Join("、", Enum.GetValues<CaseEventKind>().Select(k => $"{k.Label()}({k})"));
}
