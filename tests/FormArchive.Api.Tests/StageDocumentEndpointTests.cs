using System.Net;
using System.Text.Json.Nodes;
using FormArchive.Archive;
using FormArchive.Archive.Access;
using FormArchive.Archive.Cases;
using Microsoft.Extensions.DependencyInjection;
using static FormArchive.Tests.Api.CaseApi;

namespace FormArchive.Tests.Api;

/// <summary>
/// POST /api/cases/{id}/events with the documents filed for the step, and a sealed case's 定期复核 continuing in a
/// 补充卷 over HTTP — on the local store.
/// </summary>
public sealed class StageDocumentEndpointTests(ApiServer server) : IClassFixture<ApiServer>
{
    private readonly HttpClient _clerk = server.ClientFor(Role.Clerk, Township);
    private readonly HttpClient _head = server.ClerkFor("周八", Township, Post.Head);
    private CaseArchive Archive => server.App.Services.GetRequiredService<ArchiveHost>().Archive;

    private static JsonObject Event(string kind, string day, string? outcome = null, params int[] documents) => new()
    {
        ["kind"] = kind, ["at"] = day + "T10:00:00+08:00", ["outcome"] = outcome, ["staff"] = new JsonArray("李四"),
        ["documents"] = new JsonArray([.. documents.Select(d => (JsonNode)JsonValue.Create(d))]),
    };

    private async Task<JsonNode> RecordAsync(string caseId, JsonObject e, HttpStatusCode expected = HttpStatusCode.OK, bool head = false)
    {
        var response = await (head ? _head : _clerk).PostAsync($"/api/cases/{caseId}/events", Json(e));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, body);
        return JsonNode.Parse(body)!;
    }

    [Fact]
    public async Task A_step_names_the_documents_filed_for_it_and_the_timeline_shows_them()
    {
        var caseId = await CreateAsync(_clerk);
        var refused = await RecordAsync(caseId, Event("受理", "2024-02-07", null, 7), HttpStatusCode.UnprocessableEntity);
        Assert.Contains("没有件号为 7 的文件", (string)refused["detail"]!);
        Assert.Empty((await Archive.GetManifestAsync(caseId)).Stages);

        await RecordAsync(caseId, Event("受理", "2024-02-07", null, 1));
        var entry = (await GetJsonAsync(_clerk, $"/api/cases/{caseId}/progress"))["timeline"]!.AsArray().Single()!;
        Assert.Equal([1], entry["documents"]!.AsArray().Select(d => (int)d!));
        Assert.Equal(caseId, (string)entry["volume"]!);
    }

    [Fact]
    public async Task A_review_recorded_for_a_sealed_case_opens_its_supplement_volume_and_progress_covers_both()
    {
        var caseId = await CreateAsync(_clerk);
        foreach (var e in new[]
                 {
                     Event("受理", "2024-02-07"), Event("核对授权", "2024-02-08"), Event("入户调查", "2024-02-08"), Event("初审意见", "2024-02-09", "批准"),
                     Event("公示", "2024-02-18"),
                 })
            await RecordAsync(caseId, e);
        await RecordAsync(caseId, Event("负责人审签", "2024-02-26"), head: true);
        await RecordAsync(caseId, Event("审核确认", "2024-02-26", "批准"));
        Assert.Equal(HttpStatusCode.OK, (await _clerk.PostAsync($"/api/cases/{caseId}/seal", null)).StatusCode);

        var report = await RecordAsync(caseId, Event("定期复核", "2025-02-20", "批准"));
        var v2 = CaseKeys.VolumeId(caseId, 2);
        Assert.Equal(v2, (string)report["caseId"]!);
        var progress = await GetJsonAsync(_clerk, $"/api/cases/{caseId}/progress");
        Assert.Equal([caseId, v2], progress["volumes"]!.AsArray().Select(v => (string)v!));
        Assert.Equal(8, progress["timeline"]!.AsArray().Count);
        Assert.Equal(v2, (string)progress["timeline"]![7]!["volume"]!);
        // The volume is a case of its own for the directory, holding the household's case data.
        Assert.Equal("case-data.json", (string)(await GetJsonAsync(_clerk, $"/api/cases/{v2}"))["directory"]![0]!["fileName"]!);
        // Opening another by hand is refused while this one is open.
        Assert.Equal(HttpStatusCode.Conflict, (await _clerk.PostAsync($"/api/cases/{caseId}/supplement-volume", null)).StatusCode);
    }

    [Fact]
    public async Task Requests_racing_to_open_a_supplement_volume_get_the_same_one()
    {
        var caseId = await CreateAsync(_clerk);
        Assert.Equal(HttpStatusCode.OK, (await _clerk.PostAsync($"/api/cases/{caseId}/seal", null)).StatusCode);
        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => _clerk.PostAsync($"/api/cases/{caseId}/supplement-volume", null)));
        Assert.All(answers, a => Assert.Contains(a.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.Conflict }));
        Assert.Contains(answers, a => a.StatusCode == HttpStatusCode.Created);
        await Assert.ThrowsAsync<CaseNotFoundException>(() => Archive.GetManifestAsync(CaseKeys.VolumeId(caseId, 3)));
        Assert.False((await Archive.GetManifestAsync(CaseKeys.VolumeId(caseId, 2))).Sealed);
    }
}
