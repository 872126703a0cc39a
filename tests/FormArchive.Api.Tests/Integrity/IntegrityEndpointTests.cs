using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using FormArchive.Archive;
using FormArchive.Archive.Access;
using FormArchive.Archive.Cases;
using FormArchive.Archive.Storage;
using FormArchive.Tests.Api;
using FormArchive.Tests.Forms;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;
using static FormArchive.Tests.Api.CaseApi;

namespace FormArchive.Tests.Integrity;

/// <summary>The service with a work queue deep enough for twenty uploads at once.</summary>
public sealed class QueueingApiServer : ApiServer
{
    protected override Task<string[]> SettingsAsync() =>
        Task.FromResult<string[]>(["--FormArchive:MaxQueuedWork=64", "--FormArchive:MaxQueueWaitSeconds=300"]);
}

/// <summary>The attacks over HTTP: a seal racing uploads, a damaged case read and verified.</summary>
public sealed class IntegrityEndpointTests(QueueingApiServer server) : IClassFixture<QueueingApiServer>
{
    private readonly HttpClient _clerk = server.ClientFor(Role.Clerk, Township);
    private readonly HttpClient _archivist = server.ClientFor(Role.Archivist);
    private ArchiveHost Host => server.App.Services.GetRequiredService<ArchiveHost>();

    [Fact]
    public async Task Twenty_two_file_uploads_racing_a_seal_are_filed_whole_or_refused_whole()
    {
        var caseId = await CreateAsync(_clerk);
        var before = await DocumentCountAsync(_clerk, caseId);
        var uploads = Enumerable.Range(0, 20).Select(_ => _clerk.PostAsync($"/api/cases/{caseId}/scans",
            Scans(("a.jpg", CorpusScan(), "image/jpeg"), ("b.jpg", CorpusScan(), "image/jpeg")))).ToList();
        var events = CaseKeys.Events(caseId);
        var opened = (await Host.Archive.Store.ListAsync(StoreArea.Journal, events)).Count;
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while ((await Host.Archive.Store.ListAsync(StoreArea.Journal, events)).Count == opened)
        {
            if (DateTime.UtcNow > deadline || uploads.All(u => u.IsCompleted))
                Assert.Fail("no upload was filed: " + string.Join(", ", uploads.Where(u => u.IsCompleted).Select(u => (int)u.Result.StatusCode)));
            await Task.Delay(5);
        }
        var seal = await _clerk.PostAsync($"/api/cases/{caseId}/seal", null);
        Assert.Equal(HttpStatusCode.OK, seal.StatusCode);

        int filed = 0;
        foreach (var u in uploads)
        {
            var response = await u;
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode == HttpStatusCode.OK)
            {
                filed++;
                Assert.DoesNotContain(CorpusIdNumber, body); // the upload report masks ID numbers like every other view
            }
            else Assert.True(response.StatusCode == HttpStatusCode.Conflict, body);
        }
        Assert.True(filed >= 1);
        var view = await GetJsonAsync(_archivist, $"/api/cases/{caseId}");
        Assert.True((bool)view["sealed"]!);
        Assert.Equal(before + 6 * filed, view["directory"]!.AsArray().Count); // 2 files × (original, PDF, result) per upload
        var report = await GetJsonAsync(_archivist, $"/api/cases/{caseId}/verify");
        Assert.True((bool)report["passed"]!, report.ToJsonString());
    }

    [Fact]
    public async Task A_damaged_case_is_read_flagged_refuses_writes_and_gets_its_report_in_json_and_pdf()
    {
        var caseId = await CreateAsync(_clerk);
        for (int i = 0; i < 2; i++)
            Assert.Equal(HttpStatusCode.Created, (await _clerk.PostAsync($"/api/cases/{caseId}/forms/chizhou.review-form", Json(FormsFixture.Sample("case.json")))).StatusCode);
        // An intruder edits event 2 (the first filed form; event 1 opened the case with its data) on disk; the service is restarted (a fresh archive reads the log).
        var store = (LocalArchiveStore)Host.Archive.Store;
        var path = store.PathOf(StoreArea.Journal, CaseKeys.Event(caseId, 2));
        Assert.Contains("审核确认表", File.ReadAllText(path));
        File.WriteAllText(path, File.ReadAllText(path).Replace("审核确认表", "审核确认表（改）"));
        var restarted = new RestartedApiServer(server.DataDirectory);
        await restarted.InitializeAsync();
        try
        {
            await DamagedCaseAnswersAsync(restarted, caseId);
        }
        finally
        {
            await restarted.DisposeAsync();
        }
    }

    private static async Task DamagedCaseAnswersAsync(ApiServer restarted, string caseId)
    {
        var clerk = restarted.ClientFor(Role.Clerk, Township);
        var archivist = restarted.ClientFor(Role.Archivist);
        var view = await GetJsonAsync(archivist, $"/api/cases/{caseId}");
        Assert.True((bool)view["damaged"]!);
        Assert.Contains("event 3", (string)view["damage"]!);

        var write = await clerk.PostAsync($"/api/cases/{caseId}/forms/chizhou.review-form", Json(FormsFixture.Sample("case.json")));
        var problem = await write.Content.ReadAsStringAsync();
        Assert.True(write.StatusCode == HttpStatusCode.Conflict, problem);
        Assert.Equal("案件数据已损坏", (string)JsonNode.Parse(problem)!["title"]!);
        Assert.Contains("event 3", (string)JsonNode.Parse(problem)!["damage"]!); // the archive's own words, for the archivist

        var report = await GetJsonAsync(archivist, $"/api/cases/{caseId}/verify");
        Assert.False((bool)report["passed"]!);
        Assert.Contains(report["checks"]!.AsArray(), c => (string)c!["item"]! == "2.2" && (string)c["name"]! == "事件日志连续且哈希链完整" && !(bool)c["passed"]!);
        Assert.Equal("local", (string)report["store"]!);
        Assert.DoesNotContain(restarted.DataDirectory, report.ToJsonString());
        var pdf = await archivist.GetAsync($"/api/cases/{caseId}/verify?format=pdf");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        using var doc = PdfDocument.Open(await pdf.Content.ReadAsByteArrayAsync());
        Assert.Contains("结论：未通过", string.Concat(doc.GetPages().Select(p => p.Text)));
    }

    [Fact]
    public async Task A_case_whose_first_event_is_destroyed_still_gets_its_verify_report_from_an_archivist()
    {
        var caseId = await CreateAsync(_clerk);
        var store = (LocalArchiveStore)Host.Archive.Store;
        File.WriteAllText(store.PathOf(StoreArea.Journal, CaseKeys.Event(caseId, 1)), "{destroyed");
        var restarted = new RestartedApiServer(server.DataDirectory);
        await restarted.InitializeAsync();
        try
        {
            var archivist = restarted.ClientFor(Role.Archivist);
            var read = await archivist.GetAsync($"/api/cases/{caseId}");
            await ProblemAssert.ChineseAsync(read, HttpStatusCode.Conflict); // not a 500
            var report = await GetJsonAsync(archivist, $"/api/cases/{caseId}/verify");
            Assert.False((bool)report["passed"]!);
            Assert.Contains(report["checks"]!.AsArray(), c => (string)c!["name"]! == "事件日志连续且哈希链完整" && ((string)c["detail"]!).Contains("第 1 号事件"));
            // A clerk cannot be told anything about a case whose township is unknown.
            var clerk = restarted.ClientFor(Role.Clerk, Township);
            Assert.NotEqual(HttpStatusCode.OK, (await clerk.GetAsync($"/api/cases/{caseId}")).StatusCode);
        }
        finally
        {
            await restarted.DisposeAsync();
        }
    }
}
