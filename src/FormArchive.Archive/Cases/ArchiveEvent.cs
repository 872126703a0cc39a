namespace FormArchive.Archive.Cases;

/// <summary>
/// One entry of a case's append-only log, stored as journal key cases/ID/events/NNNNNNNN.json and created
/// only if absent: the sequence number is the lock. <see cref="Prev"/> chains each entry to the SHA-256 of the
/// previous entry's bytes, so an edited or removed entry breaks the chain.
/// </summary>
public sealed record ArchiveEvent
{
    public const string Opened = "opened";
    public const string MetadataChanged = "metadata";
    /// <summary>One document (logs written before uploads became one unit); read, no longer written.</summary>
    public const string DocumentAdded = "document";
    /// <summary>One upload: every document of it in one entry, so a case holds a whole upload or none of it.</summary>
    public const string DocumentsAdded = "documents";
    /// <summary>Repair: vault objects of the case that no entry lists (an interrupted upload), left out of the record.</summary>
    public const string Unreferenced = "unreferenced";
    public const string Sealed = "sealed";
    /// <summary>A step of the procedure (<see cref="StageRecord"/>), checked by the stage rules before it is written.</summary>
    public const string Stage = "stage";

    public required long Seq { get; init; }
    public required string Type { get; init; }
    public required DateTimeOffset At { get; init; }
    public required string Actor { get; init; }
    public string? Prev { get; init; }
    /// <summary>Makes every entry's bytes unique, so a retried conditional write can recognise its own.</summary>
    public string Id { get; init; } = Guid.NewGuid().ToString("N");
    public CaseMetadata? Metadata { get; init; }
    public DocumentEntry? Document { get; init; }
    /// <summary>For <see cref="DocumentsAdded"/>: the upload's documents, in filing order.</summary>
    public IReadOnlyList<DocumentEntry>? Documents { get; init; }
    /// <summary>For <see cref="Unreferenced"/>: vault keys found under the case that no document lists.</summary>
    public IReadOnlyList<string>? Keys { get; init; }
    /// <summary>For <see cref="Stage"/>: the step recorded.</summary>
    public StageRecord? StageRecord { get; init; }
    /// <summary>For <see cref="Sealed"/>: SHA-256 of the sealed manifest bytes.</summary>
    public string? SealedManifest { get; init; }
}
