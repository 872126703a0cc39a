using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using FormArchive.Archive.Cases;
using FormArchive.Templates;

namespace FormArchive.Casework.Records;

/// <summary>
/// Saves a case's full data as its next version: checked against the case schema as rendering checks, filed as a
/// document of the case whose title names the version and the stage at save. The service and the CLI both call this.
/// </summary>
public sealed class CaseRecordSaving(CaseSchema schema, FormRenderer renderer, IStageLabelSource procedure)
{
    // One save of a case at a time in this process, so the comparison with the newest version and the version in the
    // title hold when the document is filed (the archive's own gate covers only the filing itself).
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    /// <summary>
    /// Saves <paramref name="json"/> on the case. Refused, nothing written: a sealed case (<see cref="CaseSealedException"/>),
    /// data the schema refuses (<see cref="CaseRecordInvalidException"/>). Data equal to the newest version files nothing
    /// (<see cref="SavedCaseRecord.Unchanged"/>): a version is a change.
    /// </summary>
    public async Task<SavedCaseRecord> SaveAsync(CaseArchive archive, string caseId, string json, string actor, CancellationToken ct = default)
    {
        var m = await archive.GetManifestAsync(caseId, ct);
        if (m.Sealed) throw new CaseSealedException(m.CaseId);
        var errors = renderer.Validate(schema.Schema, "case", json);
        if (errors.Count > 0) throw new CaseRecordInvalidException(errors);
        var data = Parse(json);

        var gate = Gates.GetOrAdd(m.CaseId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        try
        {
            m = await archive.GetManifestAsync(m.CaseId, ct);
            var versions = CaseRecordVersions.List(m);
            if (versions.Count > 0 && CaseRecordDiff.Between(await CaseRecordVersions.ReadAsync(archive, m, versions[^1], ct), data).Count == 0)
                return new SavedCaseRecord(m.CaseId, versions.Count, versions[^1].DocumentNo, Unchanged: true);
            var entry = await archive.AddDocumentAsync(m.CaseId, new DocumentUpload
            {
                Title = CaseRecordVersions.Title(versions.Count + 1, await CaseRecordVersions.StageNowAsync(m, procedure, ct)),
                ResponsibleParty = m.Metadata.Agency, Date = ChinaTime.Today(),
                FileName = CaseRecordVersions.FileName, MediaType = "application/json", Content = System.Text.Encoding.UTF8.GetBytes(data.ToJsonString()),
            }, actor, ct);
            // Another process (the CLI beside the service) may have filed meanwhile: the version is the entry's place among them.
            var version = CaseRecordVersions.List(await archive.GetManifestAsync(m.CaseId, ct)).Single(v => v.DocumentNo == entry.No).Version;
            return new SavedCaseRecord(m.CaseId, version, entry.No, Unchanged: false);
        }
        finally
        {
            gate.Release();
        }
    }

    // The schema check reads JSON as Json.NET does (comments and trailing commas allowed): read it the same way here,
    // and refuse rather than fail on what it let through that is not an object.
    private static JsonObject Parse(string json)
    {
        try
        {
            if (JsonNode.Parse(json, documentOptions: new() { CommentHandling = System.Text.Json.JsonCommentHandling.Skip, AllowTrailingCommas = true })
                is JsonObject o)
                return o;
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new CaseRecordInvalidException([new FormDataError("$", "不是有效的 JSON：" + e.Message, "InvalidJson")]);
        }
        throw new CaseRecordInvalidException([new FormDataError("$", "案件数据应为 JSON 对象", "Type")]);
    }
}
