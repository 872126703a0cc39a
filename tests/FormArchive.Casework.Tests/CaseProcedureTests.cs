using FormArchive.Archive;
using FormArchive.Archive.Cases;
using FormArchive.Archive.Catalog;
using FormArchive.Casework;
using FormArchive.Casework.Stages;
using FormArchive.Domain;
using Microsoft.Data.Sqlite;
using CaseEvent = FormArchive.Casework.CaseEvent;

namespace FormArchive.Tests.Casework;

/// <summary>
/// <see cref="CaseProcedure"/> on a real local archive and catalog: writers racing from two archive instances
/// (as two service instances or a service and the CLI), and a catalog from before stages.
/// </summary>
public sealed class CaseProcedureTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("formarchive-casework-").FullName;

    public void Dispose()
    {
        try { Directory.Delete(_data, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private Task<ArchiveHost> OpenAsync() =>
        ArchiveHost.OpenAsync(_data, standing: CaseProcedure.Standing(WorkingDayCalendar.Default));

    private static async Task<string> OpenCaseAsync(ArchiveHost host)
    {
        var id = "CP-" + Guid.NewGuid().ToString("N")[..10];
        await host.Archive.OpenCaseAsync(new CaseMetadata { CaseId = id, Township = "秋浦街道", Category = "低保", ApplicantName = "孙明红" }, "clerk");
        return id;
    }

    private static CaseEvent At(CaseEventKind kind, string day, params string[] staff) =>
        new(kind, "张三", new DateTimeOffset(DateOnly.Parse(day).ToDateTime(new TimeOnly(10, 0)), ChinaTime.Offset)) { Staff = staff };

    [Fact]
    public async Task Two_instances_recording_the_same_step_at_once_store_it_once()
    {
        using var first = await OpenAsync();
        using var second = await OpenAsync();
        var a = new CaseProcedure(first, WorkingDayCalendar.Default);
        var b = new CaseProcedure(second, WorkingDayCalendar.Default);
        for (int round = 0; round < 10; round++)
        {
            var id = await OpenCaseAsync(first);
            await a.RecordAsync(id, At(CaseEventKind.Accepted, "2024-02-07"), "clerk");
            // Each instance checks the step against the log it sees; the event's sequence number decides, and the
            // loser checks again against the newer log, where the step is already recorded.
            var attempts = Enumerable.Range(0, 4).Select(i => Task.Run(() =>
                (i % 2 == 0 ? a : b).RecordAsync(id, At(CaseEventKind.AuthorizationChecked, "2024-02-08"), "clerk"))).ToList();
            var outcomes = await Task.WhenAll(attempts.Select(async t =>
            {
                try { await t; return "ok"; }
                catch (CaseworkException e) { return e.Message; }
            }));
            Assert.Equal(1, outcomes.Count(o => o == "ok"));
            Assert.All(outcomes.Where(o => o != "ok"), o => Assert.Contains("已于 2024-02-08 记录过", o));
            var stored = (await second.Archive.GetManifestAsync(id)).Stages;
            Assert.Equal(["Accepted", "AuthorizationChecked"], stored.Select(s => s.Kind));
        }
    }

    [Fact]
    public async Task A_catalog_from_before_stages_gains_the_columns_and_reindex_fills_them()
    {
        string id;
        using (var host = await OpenAsync())
        {
            id = await OpenCaseAsync(host);
            var procedure = new CaseProcedure(host, WorkingDayCalendar.Default);
            await procedure.RecordAsync(id, At(CaseEventKind.Accepted, "2024-02-07"), "clerk");
            await procedure.RecordAsync(id, At(CaseEventKind.HomeVisited, "2024-02-08", "李四"), "clerk");
        }
        // The catalog as it was before: no case_stage, no next_due.
        var path = Path.Combine(_data, "catalog.db");
        File.Delete(path);
        using (var c = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = """
                CREATE TABLE cases (
                    case_id TEXT PRIMARY KEY, seq INTEGER NOT NULL, title TEXT NOT NULL, applicant_name TEXT NOT NULL,
                    id_hash TEXT, id_masked TEXT NOT NULL, township TEXT NOT NULL, village TEXT NOT NULL, category TEXT NOT NULL,
                    stage TEXT NOT NULL, sealed INTEGER NOT NULL, opened_on TEXT, closed_on TEXT, sealed_at TEXT, sealed_on TEXT,
                    volume INTEGER NOT NULL, supplement_of TEXT, documents INTEGER NOT NULL, file_number TEXT);
                """;
            cmd.ExecuteNonQuery();
        }
        using (var host = await OpenAsync())
        {
            Assert.Empty(host.Catalog.Search(new CatalogQuery { CaseStage = nameof(CaseStage.Investigation) }));
            await host.Catalog.ReindexAsync(host.Archive);
            var row = Assert.Single(host.Catalog.Search(new CatalogQuery { CaseStage = nameof(CaseStage.Investigation) }));
            Assert.Equal(id, row.CaseId);
            Assert.Equal(new DateOnly(2024, 2, 22), row.NextDue);
            Assert.Single(host.Catalog.Search(new CatalogQuery { DueBefore = new DateOnly(2024, 2, 23) }));
            Assert.Empty(host.Catalog.Search(new CatalogQuery { DueBefore = new DateOnly(2024, 2, 22) }));
        }
        // A tool that opens the archive without the stage rules files a document: the catalog keeps the stage it had.
        using (var blind = await ArchiveHost.OpenAsync(_data))
        {
            await blind.Archive.AddDocumentAsync(id, new DocumentUpload { Title = "补充材料", FileName = "a.txt", MediaType = "text/plain", Content = [1, 2, 3] }, "tool");
            var row = Assert.Single(blind.Catalog.Search(new CatalogQuery { CaseStage = nameof(CaseStage.Investigation) }));
            Assert.Equal(1, row.Documents); // the row was updated, all but its stage
            Assert.Equal(new DateOnly(2024, 2, 22), row.NextDue);
        }
    }

    [Fact]
    public async Task A_step_in_the_future_or_on_a_case_of_unknown_category_is_refused_and_not_stored()
    {
        using var host = await OpenAsync();
        var procedure = new CaseProcedure(host, WorkingDayCalendar.Default);
        var id = await OpenCaseAsync(host);
        var tomorrow = new CaseEvent(CaseEventKind.Accepted, "张三", DateTimeOffset.UtcNow.AddDays(1));
        Assert.Contains("晚于现在", (await Assert.ThrowsAsync<CaseworkException>(() => procedure.RecordAsync(id, tomorrow, "clerk"))).Message);
        var odd = "CP-" + Guid.NewGuid().ToString("N")[..10];
        await host.Archive.OpenCaseAsync(new CaseMetadata { CaseId = odd, Township = "秋浦街道", Category = "救济粮" }, "clerk");
        Assert.Contains("救助类别", (await Assert.ThrowsAsync<CaseworkException>(() => procedure.RecordAsync(odd, At(CaseEventKind.Accepted, "2024-02-07"), "clerk"))).Message);
        Assert.Empty((await host.Archive.GetManifestAsync(id)).Stages);
        Assert.Empty((await host.Archive.GetManifestAsync(odd)).Stages);
    }
}
