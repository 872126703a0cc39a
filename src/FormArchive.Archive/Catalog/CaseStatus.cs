namespace FormArchive.Archive.Catalog;

/// <summary>Whether a case still takes documents (open) or is frozen (sealed).</summary>
public enum CaseStatus
{
    Open,
    Sealed,
}
