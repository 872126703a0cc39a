namespace FormArchive.Archive.Catalog;

/// <summary>
/// What the catalog keeps of a case's procedure: its stage (the Casework stage name, e.g. Publicity) and the
/// due date of its next open deadline. Both null when the case has no steps, or when its steps do not replay
/// (then <see cref="Problem"/> says why, and the case is found by neither stage nor due date).
/// </summary>
public sealed record CatalogStage(string? Stage, DateOnly? NextDue, string? Problem = null)
{
    public static CatalogStage None { get; } = new(null, null);
}
