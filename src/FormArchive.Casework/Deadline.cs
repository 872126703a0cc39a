namespace FormArchive.Casework;

/// <summary>
/// A statutory deadline of a case: what must be done, by when (the last day allowed, inclusive), on what
/// legal basis, and when it was done (null while open). Warnings say when the date is uncertain.
/// </summary>
public sealed record Deadline(string What, DateOnly Due, string Basis, DateOnly? DoneOn, IReadOnlyList<string> Warnings)
{
    /// <summary>Still to be done.</summary>
    public bool IsOpen => DoneOn is null;

    /// <summary>Done, but after the due date.</summary>
    public bool WasLate => DoneOn is { } d && d > Due;

    /// <summary>Open and past its due date on <paramref name="today"/>.</summary>
    public bool IsOverdue(DateOnly today) => IsOpen && today > Due;
}
