using FormArchive.Archive.Storage;

namespace FormArchive.Archive.Cases;

// Opening a case and filing documents: the objects go to the vault first, then one event lists them.
public sealed partial class CaseArchive
{
    public Task<CaseManifest> OpenCaseAsync(CaseMetadata metadata, string clerk, CancellationToken ct = default) =>
        OpenCaseAsync(metadata, clerk, [], ct);

    /// <summary>
    /// Opens a case with its first documents (the API's case data) in one write: the objects first, then the
    /// opening event that lists them, so a case never exists without them.
    /// </summary>
    public async Task<CaseManifest> OpenCaseAsync(CaseMetadata metadata, string clerk, IReadOnlyList<DocumentUpload> documents, CancellationToken ct = default)
    {
        var caseId = CaseKeys.CheckId(metadata.CaseId);
        var state = StateOf(caseId);
        await state.Gate.WaitAsync(ct);
        var created = new List<string>();
        try
        {
            var entries = new List<DocumentEntry>();
            foreach (var upload in documents)
            {
                var (entry, isNew) = await WriteObjectAsync(caseId, upload, clerk);
                if (isNew) created.Add(entry.Key);
                entries.Add(entry);
            }
            var ev = new ArchiveEvent
            {
                Seq = 1, Type = ArchiveEvent.Opened, At = Now(), Actor = clerk, Metadata = metadata, Documents = entries.Count > 0 ? entries : null,
            };
            var bytes = ArchiveJson.Bytes(ev);
            if (!await Store.TryCreateAsync(StoreArea.Journal, CaseKeys.Event(caseId, 1), bytes, ct))
                throw new CaseExistsException(caseId);
            created.Clear();
            state.Manifest = CaseManifest.Apply(null, ev, ContentDigest.Sha256Hex(bytes));
            await WriteSnapshotAsync(state.Manifest, ct);
            await IndexAsync(state.Manifest);
            return state.Manifest;
        }
        catch when (created.Count > 0)
        {
            // The case existed already (or the write failed): its own objects are not these, unless listed there.
            await RemoveIfUnlistedAsync(caseId, state, created);
            throw;
        }
        finally
        {
            state.Gate.Release();
        }
    }

    /// <summary>Writes one document's bytes to the vault (content-addressed); its entry, and whether the object is new.</summary>
    private async Task<(DocumentEntry Entry, bool Created)> WriteObjectAsync(string caseId, DocumentUpload upload, string clerk)
    {
        if (string.IsNullOrWhiteSpace(upload.Title)) throw new ArgumentException("a document needs a title", nameof(upload));
        if (upload.Content is not { Length: > 0 }) throw new ArgumentException("a document needs content", nameof(upload));
        var digest = ContentDigest.Of(upload.Content);
        var key = CaseKeys.Object(caseId, digest.Sha256);
        bool created = await Store.TryCreateAsync(StoreArea.Vault, key, upload.Content, CancellationToken.None);
        return (new DocumentEntry
        {
            Title = upload.Title.Trim(),
            ResponsibleParty = upload.ResponsibleParty,
            DocNumber = string.IsNullOrWhiteSpace(upload.DocNumber) ? null : upload.DocNumber.Trim(),
            Date = upload.Date,
            FileName = Path.GetFileName(upload.FileName),
            MediaType = upload.MediaType,
            Size = upload.Content.Length,
            Sha256 = digest.Sha256,
            Sm3 = digest.Sm3,
            Key = key,
            DerivedFrom = upload.DerivedFrom,
            AddedAt = Now(),
            AddedBy = clerk,
        }, created);
    }

    /// <summary>
    /// Files one document for a step and records the step naming it. <paramref name="make"/> sees the case as of now
    /// and the 件号 the document takes, under the case gate, and returns the step or throws to refuse it. It is asked
    /// before anything is written, so a refused step files nothing, and again whenever another instance appended
    /// first. The document and the step are two entries: if another instance appends between them and the step is
    /// then refused, the document stays filed and <see cref="StageRefusedAfterFilingException"/> names it.
    /// </summary>
    public async Task<(CaseManifest Case, DocumentEntry Document)> FileForStageAsync(string caseId, DocumentUpload upload,
        Func<CaseManifest, int, StageRecord> make, string clerk, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(upload.Title)) throw new ArgumentException("a document needs a title", nameof(upload));
        if (upload.Content is not { Length: > 0 }) throw new ArgumentException("a document needs content", nameof(upload));
        var state = StateOf(CaseKeys.CheckId(caseId));
        await state.Gate.WaitAsync(ct);
        string? created = null;
        try
        {
            var m = await RefreshAsync(caseId, state, ct);
            RefuseWrites(m);
            make(m, m.Documents.Count + 1); // refused: nothing written
            ct.ThrowIfCancellationRequested();
            var (entry, isNew) = await WriteObjectAsync(caseId, upload, clerk);
            if (isNew) created = entry.Key;
            DocumentEntry filed;
            while (true)
            {
                var ev = NextEvent(m, ArchiveEvent.DocumentsAdded, clerk) with { Documents = [entry] };
                if (await TryAppendAsync(caseId, state, m, ev, CancellationToken.None, "file") is { } next)
                {
                    (m, filed, created) = (next, next.Documents[^1], null);
                    break;
                }
                m = await RefreshAsync(caseId, state, CancellationToken.None);
                RefuseWrites(m);
                make(m, m.Documents.Count + 1); // another instance appended: asked again, still nothing filed
            }
            while (true)
            {
                ArchiveEvent ev;
                try
                {
                    RefuseWrites(m);
                    ev = NextEvent(m, ArchiveEvent.Stage, clerk) with { StageRecord = make(m, filed.No) };
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    throw new StageRefusedAfterFilingException(caseId, filed, e);
                }
                if (await TryAppendAsync(caseId, state, m, ev, CancellationToken.None) is { } next) return (next, filed);
                m = await RefreshAsync(caseId, state, CancellationToken.None);
            }
        }
        catch when (created is not null)
        {
            await RemoveIfUnlistedAsync(caseId, state, [created]);
            throw;
        }
        finally
        {
            state.Gate.Release();
        }
    }

    /// <summary>Files one document; returns its manifest entry with its 件号.</summary>
    public async Task<DocumentEntry> AddDocumentAsync(string caseId, DocumentUpload upload, string clerk, CancellationToken ct = default) =>
        (await AddDocumentsAsync(caseId, [upload], clerk, ct))[0];

    /// <summary>
    /// Files one upload as one unit: every object is written first, then one event lists them all, so the case
    /// holds the whole upload or none of it whatever crashes, and a seal (which takes the same case gate and
    /// appends to the same log) comes before or after the upload, never inside it. Once the first object is
    /// written the upload is no longer cancelled. Returns the entries with their 件号, in upload order.
    /// </summary>
    public async Task<IReadOnlyList<DocumentEntry>> AddDocumentsAsync(
        string caseId, IReadOnlyList<DocumentUpload> uploads, string clerk, CancellationToken ct = default)
    {
        if (uploads.Count == 0) throw new ArgumentException("an upload needs at least one document", nameof(uploads));
        foreach (var upload in uploads)
        {
            if (string.IsNullOrWhiteSpace(upload.Title)) throw new ArgumentException("a document needs a title", nameof(uploads));
            if (upload.Content is not { Length: > 0 }) throw new ArgumentException("a document needs content", nameof(uploads));
        }
        var state = StateOf(CaseKeys.CheckId(caseId));
        await state.Gate.WaitAsync(ct);
        var created = new List<string>();
        try
        {
            var m = await RefreshAsync(caseId, state, ct);
            RefuseWrites(m);
            ct.ThrowIfCancellationRequested();
            var entries = new List<DocumentEntry>();
            for (int i = 0; i < uploads.Count; i++)
            {
                var (entry, isNew) = await WriteObjectAsync(caseId, uploads[i], clerk);
                if (isNew) created.Add(entry.Key);
                CrashPoint.Reach($"file.object-{i + 1}");
                entries.Add(entry);
            }
            CrashPoint.Reach("file.event");
            while (true)
            {
                var ev = NextEvent(m, ArchiveEvent.DocumentsAdded, clerk) with { Documents = entries };
                if (await TryAppendAsync(caseId, state, m, ev, CancellationToken.None, "file") is { } next)
                {
                    created.Clear();
                    return next.Documents.TakeLast(entries.Count).ToList();
                }
                // Another instance appended meanwhile (perhaps the seal): look again.
                m = await RefreshAsync(caseId, state, CancellationToken.None);
                RefuseWrites(m);
            }
        }
        catch when (created.Count > 0)
        {
            await RemoveIfUnlistedAsync(caseId, state, created);
            throw;
        }
        finally
        {
            state.Gate.Release();
        }
    }

    /// <summary>The bytes of document <paramref name="no"/>, checked against its SHA-256; the read is logged.</summary>
    public async Task<(DocumentEntry Entry, byte[] Content)> GetDocumentAsync(string caseId, int no, string actor, CancellationToken ct = default)
    {
        var m = await GetManifestAsync(caseId, ct);
        var entry = m.Documents.FirstOrDefault(d => d.No == no) ?? throw new KeyNotFoundException($"case {caseId} has no document {no}");
        var bytes = await Store.GetAsync(StoreArea.Vault, entry.Key, ct)
            ?? throw new ArchiveCorruptException($"case {caseId}: object of document {no} is missing");
        if (ContentDigest.Sha256Hex(bytes) != entry.Sha256) throw new ArchiveCorruptException($"case {caseId}: document {no} does not match its SHA-256");
        await LogAccessAsync(caseId, $"read document {no}", actor, ct);
        return (entry, bytes);
    }

    /// <summary>Writes are refused to a sealed case (409) and to a damaged one.</summary>
    private static void RefuseWrites(CaseManifest m)
    {
        if (m.Sealed) throw new CaseSealedException(m.CaseId);
        if (m.Damage is { } damage) throw new CaseDamagedException(m.CaseId, damage);
    }

    /// <summary>Removes objects an upload wrote if no entry lists them after all (called with the case gate held).</summary>
    private async Task RemoveIfUnlistedAsync(string caseId, CaseState state, IReadOnlyList<string> keys)
    {
        try
        {
            var m = await RefreshAsync(caseId, state, CancellationToken.None);
            foreach (var key in keys)
                if (m.Documents.All(d => d.Key != key)) await Store.DeleteAsync(StoreArea.Vault, key);
        }
        catch (Exception e) when (e is ArchiveStorageException or ArchiveCorruptException or IOException)
        {
            // Best effort: repair before sealing records what is left as unreferenced.
        }
    }
}
