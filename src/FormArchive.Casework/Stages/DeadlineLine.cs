namespace FormArchive.Casework.Stages;

/// <summary>One deadline of a case as shown: what, due (inclusive), basis, done on, and whether it is late.</summary>
public sealed record DeadlineLine(
    string What, DateOnly Due, string Basis, DateOnly? DoneOn, bool Open, bool Overdue, bool WasLate, IReadOnlyList<string> Warnings)
{
    public static DeadlineLine Of(Deadline d, DateOnly today) =>
        new(d.What, d.Due, d.Basis, d.DoneOn, d.IsOpen, d.IsOverdue(today), d.WasLate, d.Warnings);
}
