using System.Net;
using System.Text.Json.Nodes;
using FormArchive.Archive;
using FormArchive.Archive.Access;
using FormArchive.Archive.Cases;
using FormArchive.Tests.Api;
using Microsoft.Extensions.DependencyInjection;
using static FormArchive.Tests.Api.CaseApi;

namespace FormArchive.Tests.Integrity;

/// <summary>
/// Volume squatting across townships: case ids are the server's, a clerk's own number is a searchable file
/// number unique within the township, a 409 never confirms another township's case, and a volume is counted
/// only if its metadata links it to the case.
/// </summary>
public sealed class CaseIdentityTests(QueueingApiServer server) : IClassFixture<QueueingApiServer>
{
    private readonly HttpClient _a = server.ClientFor(Role.Clerk, Township);
    private readonly HttpClient _b = server.ClientFor(Role.Clerk, OtherTownship);

    private static async Task<(HttpStatusCode, JsonNode)> PostAsync(HttpClient client, string path, JsonNode? body)
    {
        var response = await client.PostAsync(path, body is null ? null : Json(body));
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }

    [Fact]
    public async Task A_caller_cannot_choose_a_case_id_not_even_a_volume_id()
    {
        var root = await CreateAsync(_b);
        var squat = NewCase();
        squat["caseId"] = root + "-V2";
        var (status, problem) = await PostAsync(_a, "/api/cases", squat);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(problem["errors"]!.AsArray(), e => (string)e!["path"]! == "$.caseId");
        var (created, view) = await PostAsync(_a, "/api/cases", NewCase());
        Assert.Equal(HttpStatusCode.Created, created);
        Assert.Matches(@"^\d{8}-[0-9a-f]{12}$", (string)view["caseId"]!);
    }

    [Fact]
    public async Task File_numbers_are_unique_within_a_township_searchable_and_never_confirm_another_townships_case()
    {
        var number = "B-" + Guid.NewGuid().ToString("N")[..6];
        var (s1, a1) = await PostAsync(_a, "/api/cases", NewCase(number));
        Assert.Equal(HttpStatusCode.Created, s1);
        Assert.Equal(number, (string)a1["fileNumber"]!);
        Assert.NotEqual(number, (string)a1["caseId"]!);

        var (s2, conflict) = await PostAsync(_a, "/api/cases", NewCase(number));
        Assert.Equal(HttpStatusCode.Conflict, s2);
        Assert.Equal((string)a1["caseId"]!, (string)conflict["caseId"]!); // the clerk's own case

        var (s3, b1) = await PostAsync(_b, "/api/cases", NewCase(number)); // the same number in another township
        Assert.Equal(HttpStatusCode.Created, s3);

        var (_, foundA) = await PostAsync(_a, "/api/cases/search", new JsonObject { ["fileNumber"] = number });
        Assert.Equal([(string)a1["caseId"]!], foundA.AsArray().Select(e => (string)e!["caseId"]!));
        var (_, foundB) = await PostAsync(_b, "/api/cases/search", new JsonObject { ["fileNumber"] = number });
        Assert.Equal([(string)b1["caseId"]!], foundB.AsArray().Select(e => (string)e!["caseId"]!));
    }

    [Fact]
    public async Task A_volume_of_another_township_under_a_volume_id_is_neither_offered_nor_counted()
    {
        // Township B's case, sealed; a case under its V2 id made in township A before ids were the server's.
        var root = await CreateAsync(_b);
        var host = server.App.Services.GetRequiredService<ArchiveHost>();
        var rootCase = await host.Archive.GetManifestAsync(root);
        var squatted = rootCase.Metadata with { CaseId = CaseKeys.VolumeId(root, 2), Township = Township, SupplementOf = root, Volume = 2 };
        var caseData = rootCase.Documents.Single();
        await host.Archive.OpenCaseAsync(squatted, "clerk A", [new DocumentUpload
        {
            Title = caseData.Title, FileName = caseData.FileName, MediaType = caseData.MediaType,
            Content = (await host.Archive.GetDocumentAsync(root, caseData.No, "test")).Content,
        }]);
        await UploadCorpusScanAsync(_a, squatted.CaseId); // A's scan of the household's member
        Assert.Equal(HttpStatusCode.OK, (await _a.PostAsync($"/api/cases/{squatted.CaseId}/seal", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _b.PostAsync($"/api/cases/{root}/seal", null)).StatusCode);

        var (status, v) = await PostAsync(_b, $"/api/cases/{root}/supplement-volume", null);
        Assert.True(status == HttpStatusCode.Created, v.ToJsonString());
        var volumeId = (string)v["caseId"]!;
        Assert.NotEqual(squatted.CaseId, volumeId);
        Assert.False(await ChecklistHasAsync(_b, volumeId, "id-front")); // A's scan is not counted in B's case
    }
}
