namespace FormArchive.Archive.Catalog;

/// <summary>Whether a case still takes documents (open) or is frozen (sealed).</summary>
public enum SealState
{
    Open,
    Sealed,
}
