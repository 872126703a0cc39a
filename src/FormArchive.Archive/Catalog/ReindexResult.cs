namespace FormArchive.Archive.Catalog;

/// <summary>What a rebuild found: cases indexed, and the ids whose event log could not be read (verify them).</summary>
public sealed record ReindexResult(int Cases, int Sealed, int Open, IReadOnlyList<string> Unreadable, TimeSpan Elapsed);
