namespace FormArchive.Archive.Cases;

/// <summary>
/// The current state of a case: the fold of its event log. Also written as the journal's "current manifest"
/// snapshot (cases/ID/manifest.json) after each change, for readers outside this library.
/// </summary>
public sealed record CaseManifest
{
    public required string CaseId { get; init; }
    public required CaseMetadata Metadata { get; init; }
    public IReadOnlyList<DocumentEntry> Documents { get; init; } = [];
    /// <summary>Sequence number of the last event folded in.</summary>
    public long Seq { get; init; }
    /// <summary>SHA-256 of the last event's bytes.</summary>
    public string? Head { get; init; }
    public bool Sealed { get; init; }
    public DateTimeOffset? SealedAt { get; init; }
    public string? SealedBy { get; init; }
    public string? SealedManifestSha256 { get; init; }
    /// <summary>
    /// The archival reference the seal signed (read from the signed manifest, like who sealed and when); null while
    /// the case is open. Not in the journal's snapshot: the signed manifest is its only record.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public ArchivalReference? SealedReference { get; init; }
    /// <summary>Vault keys recorded as unreferenced by repair: present in the store, not part of the record.</summary>
    public IReadOnlyList<string> Unreferenced { get; init; } = [];
    /// <summary>The procedure's steps in log order (受理, 入户调查 …), as written; Casework replays them.</summary>
    public IReadOnlyList<StageRecord> Stages { get; init; } = [];
    /// <summary>
    /// Null for a sound case; otherwise why the stored log cannot be trusted past <see cref="Seq"/> (the case is
    /// still readable as far as it is sound, and refuses every write until an archivist has looked at it).
    /// </summary>
    public string? Damage { get; init; }
    [System.Text.Json.Serialization.JsonIgnore]
    public bool Damaged => Damage is not null;

    /// <summary>Applies one event; events must come in sequence order.</summary>
    public static CaseManifest Apply(CaseManifest? state, ArchiveEvent e, string eventSha256)
    {
        if (state is null)
        {
            if (e.Type != ArchiveEvent.Opened || e.Metadata is null)
                throw new ArchiveCorruptException($"event {e.Seq} of a case must open it, not '{e.Type}'");
            return new CaseManifest
            {
                CaseId = e.Metadata.CaseId, Metadata = e.Metadata, Seq = e.Seq, Head = eventSha256,
                Documents = e.Documents is { } first ? first.Select((d, i) => d with { No = i + 1 }).ToList() : [],
            };
        }
        var next = state with { Seq = e.Seq, Head = eventSha256 };
        return e.Type switch
        {
            ArchiveEvent.MetadataChanged when e.Metadata is not null => next with { Metadata = e.Metadata },
            ArchiveEvent.DocumentAdded when e.Document is not null =>
                next with { Documents = [.. state.Documents, e.Document with { No = state.Documents.Count + 1 }] },
            ArchiveEvent.DocumentsAdded when e.Documents is { Count: > 0 } docs =>
                next with { Documents = [.. state.Documents, .. docs.Select((d, i) => d with { No = state.Documents.Count + 1 + i })] },
            ArchiveEvent.Unreferenced when e.Keys is { Count: > 0 } keys =>
                next with { Unreferenced = [.. state.Unreferenced, .. keys.Where(k => !state.Unreferenced.Contains(k))] },
            ArchiveEvent.Stage when e.StageRecord is not null => next with { Stages = [.. state.Stages, e.StageRecord] },
            ArchiveEvent.Sealed => next with { Sealed = true, SealedAt = e.At, SealedBy = e.Actor, SealedManifestSha256 = e.SealedManifest },
            _ => throw new ArchiveCorruptException($"event {e.Seq}: unknown or incomplete event '{e.Type}'"),
        };
    }
}
