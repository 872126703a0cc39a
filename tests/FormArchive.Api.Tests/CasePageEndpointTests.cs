using System.Net;
using System.Text.Json.Nodes;
using FormArchive.Archive.Access;
using ImageMagick;
using UglyToad.PdfPig;
using static FormArchive.Tests.Api.CaseApi;

namespace FormArchive.Tests.Api;

/// <summary>
/// The clerk's page review over real HTTP: deskewed thumbnails, the effective page list, corrections filed as
/// new documents (and felt by the checklist), and the 补充卷 of a sealed case — on the local store.
/// </summary>
public sealed class CasePageEndpointTests(ApiServer server) : CasePageEndpointSuite(server), IClassFixture<ApiServer>;

/// <summary>The same page review with the service on S3 (Ceph RGW).</summary>
[Collection(S3ApiCollection.Name)]
public sealed class CasePageEndpointS3Tests(S3ApiServer server) : CasePageEndpointSuite(server);

/// <summary>The page-review tests, run on each store.</summary>
public abstract class CasePageEndpointSuite(ApiServer server)
{
    /// <summary>A second member (invented), a child: covered, so the checklist asks for their ID card too.</summary>
    private const string ChildName = "孙小明";
    private const string ChildIdNumber = "110105201001010010";

    private readonly HttpClient _clerk = server.ClientFor(Role.Clerk, Township);
    private readonly HttpClient _archivist = server.ClientFor(Role.Archivist);

    [Fact]
    public async Task Thumbnail_is_the_deskewed_page_image_of_the_searchable_pdf_at_the_asked_width()
    {
        var caseId = await CreateAsync(_clerk);
        var documents = (await UploadCorpusScanAsync(_clerk, caseId))["documents"]!;
        int pdfNo = (int)documents["searchablePdf"]!;
        var path = $"/api/cases/{caseId}/documents/{pdfNo}/pages/1/thumbnail";

        var response = await _clerk.GetAsync(path + "?width=200");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/jpeg", response.Content.Headers.ContentType!.MediaType);
        var thumbnail = new MagickImageInfo(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(MagickFormat.Jpeg, thumbnail.Format);
        Assert.Equal(200u, thumbnail.Width);

        // The deskewed, cropped card (about 1.59:1) is not the shape of the raw camera frame (about 1.37:1).
        var raw = new MagickImageInfo(CorpusScan());
        using var pdf = PdfDocument.Open(await _clerk.GetByteArrayAsync($"/api/cases/{caseId}/documents/{pdfNo}"));
        var archival = pdf.GetPage(1).GetImages().Single();
        double archivalAspect = (double)archival.WidthInSamples / archival.HeightInSamples;
        double rawAspect = (double)raw.Width / raw.Height;
        Assert.True(Math.Abs(archivalAspect - rawAspect) > 0.1, $"archival {archivalAspect:0.000} vs raw {rawAspect:0.000}: the corpus scan no longer tells them apart");
        Assert.Equal(archivalAspect, (double)thumbnail.Width / thumbnail.Height, 0.02);

        Assert.Equal(320u, await ThumbnailWidthAsync(path));
        Assert.Equal(64u, await ThumbnailWidthAsync(path + "?width=10"));
        Assert.Equal((uint)archival.WidthInSamples, await ThumbnailWidthAsync(path + "?width=5000")); // clamped, never enlarged
        Assert.Equal(HttpStatusCode.OK, (await _archivist.GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task Thumbnail_of_a_missing_page_or_a_document_that_is_no_pdf_is_a_problem()
    {
        var caseId = await CreateAsync(_clerk);
        var documents = (await UploadCorpusScanAsync(_clerk, caseId))["documents"]!;
        int pdfNo = (int)documents["searchablePdf"]!, originalNo = (int)documents["original"]!;

        await AssertProblemAsync(HttpStatusCode.NotFound, await _clerk.GetAsync($"/api/cases/{caseId}/documents/{pdfNo}/pages/2/thumbnail"));
        await AssertProblemAsync(HttpStatusCode.NotFound, await _clerk.GetAsync($"/api/cases/{caseId}/documents/99/pages/1/thumbnail"));
        await AssertProblemAsync(HttpStatusCode.UnprocessableEntity, await _clerk.GetAsync($"/api/cases/{caseId}/documents/{originalNo}/pages/1/thumbnail"));
        await AssertProblemAsync(HttpStatusCode.UnprocessableEntity, await _clerk.GetAsync($"/api/cases/{caseId}/documents/1/pages/1/thumbnail"));
        var other = server.ClientFor(Role.Clerk, OtherTownship);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/cases/{caseId}/documents/{pdfNo}/pages/1/thumbnail")).StatusCode);
    }

    [Fact]
    public async Task Correcting_a_page_type_files_a_new_document_and_changes_the_checklist()
    {
        var caseId = await CreateAsync(_clerk);
        var documents = (await UploadCorpusScanAsync(_clerk, caseId))["documents"]!;
        int ingestNo = (int)documents["ingestResult"]!, pdfNo = (int)documents["searchablePdf"]!;
        var ingestBefore = await _clerk.GetByteArrayAsync($"/api/cases/{caseId}/documents/{ingestNo}");
        Assert.True(await ChecklistHasAsync(_clerk, caseId, "id-front"));
        Assert.False(await ChecklistHasAsync(_clerk, caseId, "bank"));

        // Addressed by the searchable PDF the clerk looks at; filed against its ingest result.
        var response = await _clerk.PostAsync($"/api/cases/{caseId}/pages/corrections",
            Json(new JsonObject { ["document"] = pdfNo, ["page"] = 1, ["type"] = "bank", ["reason"] = "实为银行卡" }));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        var created = JsonNode.Parse(body)!;
        int correctionNo = (int)created["correction"]!["no"]!;
        Assert.Equal($"/api/cases/{caseId}/documents/{correctionNo}", response.Headers.Location!.OriginalString);
        Assert.Equal("bank", (string)created["page"]!["type"]!);

        Assert.True(await ChecklistHasAsync(_clerk, caseId, "bank"));
        Assert.False(await ChecklistHasAsync(_clerk, caseId, "id-front"));

        var directory = (await GetJsonAsync(_clerk, $"/api/cases/{caseId}"))["directory"]!.AsArray();
        Assert.Equal(5, directory.Count);
        var ingestRow = directory.Single(d => (int)d!["no"]! == ingestNo)!;
        var correctionRow = directory.Single(d => (int)d!["no"]! == correctionNo)!;
        Assert.Equal("识别结果更正", (string)correctionRow["title"]!);
        Assert.Equal("scan-0000.p1.correction.json", (string)correctionRow["fileName"]!);
        Assert.Equal((string)ingestRow["sha256"]!, (string)correctionRow["derivedFrom"]!);
        Assert.Equal(ingestBefore, await _clerk.GetByteArrayAsync($"/api/cases/{caseId}/documents/{ingestNo}")); // never rewritten

        var record = JsonNode.Parse(await _clerk.GetStringAsync($"/api/cases/{caseId}/documents/{correctionNo}"))!;
        Assert.Equal(ingestNo, (int)record["ingestResult"]!);
        Assert.Equal(1, (int)record["page"]!);
        Assert.Equal("id-front", (string)record["previousType"]!);
        Assert.Equal("bank", (string)record["type"]!);
        Assert.Equal("实为银行卡", (string)record["reason"]!);
        Assert.Contains("(clerk, key ", (string)record["clerk"]!);

        var pagesBody = await _clerk.GetStringAsync($"/api/cases/{caseId}/pages");
        Assert.DoesNotContain(CorpusIdNumber, pagesBody);
        var page = JsonNode.Parse(pagesBody)!["pages"]!.AsArray().Single()!;
        Assert.Equal("bank", (string)page["type"]!);
        Assert.Equal("银行账户（银行卡或存折）", (string)page["title"]!);
        Assert.Equal("id-front", (string)page["classifiedAs"]!);
        Assert.True((bool)page["corrected"]!);
        Assert.Equal(correctionNo, (int)page["corrections"]!.AsArray().Single()!);
        Assert.Equal(pdfNo, (int)page["documents"]!["searchablePdf"]!);
        Assert.Equal((int)documents["original"]!, (int)page["documents"]!["original"]!);
        var id = page["idNumbers"]!.AsArray().Single()!;
        Assert.Equal("370202********7733", (string)id["masked"]!);
        Assert.Equal(CorpusName, (string)id["matchedMember"]!);

        // The audit line says what changed, not whose page it was.
        var audit = JsonNode.Parse(await _archivist.GetStringAsync($"/api/audit?caseId={caseId}"))!.AsArray();
        var line = audit.Single(e => (string)e!["action"]! == "page.correct")!;
        Assert.Equal(201, (int)line["status"]!);
        var detail = (string)line["detail"]!;
        Assert.Contains("type id-front → bank", detail);
        Assert.DoesNotContain(CorpusName, detail);
        Assert.DoesNotContain("7733", detail);
    }

    [Fact]
    public async Task Correcting_the_member_counts_the_page_for_that_member()
    {
        var data = NewCase();
        data["members"]!.AsArray().Add(new JsonObject { ["name"] = ChildName, ["idNumber"] = ChildIdNumber });
        var caseId = await CreateAsync(_clerk, data);
        int ingestNo = (int)(await UploadCorpusScanAsync(_clerk, caseId))["documents"]!["ingestResult"]!;
        Assert.True(await ChecklistHasAsync(_clerk, caseId, "id-front", CorpusName));
        Assert.False(await ChecklistHasAsync(_clerk, caseId, "id-front", ChildName));

        var noSuchNumber = await _clerk.PostAsync($"/api/cases/{caseId}/pages/corrections",
            Json(new JsonObject { ["document"] = ingestNo, ["page"] = 1, ["member"] = ChildName, ["idNumber"] = "110105********0000" }));
        await AssertProblemAsync(HttpStatusCode.BadRequest, noSuchNumber, "$.idNumber");

        // The masked number, as the page list shows it, says which number the member correction is for.
        var response = await _clerk.PostAsync($"/api/cases/{caseId}/pages/corrections",
            Json(new JsonObject { ["document"] = ingestNo, ["page"] = 1, ["member"] = ChildName, ["idNumber"] = "370202********7733" }));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);

        Assert.True(await ChecklistHasAsync(_clerk, caseId, "id-front", ChildName));
        Assert.False(await ChecklistHasAsync(_clerk, caseId, "id-front", CorpusName));
        var id = (await GetJsonAsync(_clerk, $"/api/cases/{caseId}/pages"))["pages"]!.AsArray().Single()!["idNumbers"]!.AsArray().Single()!;
        Assert.Equal(ChildName, (string)id["matchedMember"]!);
        Assert.Equal("110105********0010", (string)id["masked"]!);
        Assert.Equal("370202********7733", (string)id["readAs"]!);
        Assert.True((bool)id["corrected"]!);
        Assert.True((bool)id["valid"]!);

        var again = await _clerk.PostAsync($"/api/cases/{caseId}/pages/corrections",
            Json(new JsonObject { ["document"] = ingestNo, ["page"] = 1, ["member"] = ChildName }));
        await AssertProblemAsync(HttpStatusCode.BadRequest, again, "$"); // nothing left to change
        Assert.Equal(5, await DocumentCountAsync(_clerk, caseId));
    }

    [Fact]
    public async Task Invalid_corrections_are_problems_naming_the_field_and_store_nothing()
    {
        var caseId = await CreateAsync(_clerk);
        int ingestNo = (int)(await UploadCorpusScanAsync(_clerk, caseId))["documents"]!["ingestResult"]!;
        var url = $"/api/cases/{caseId}/pages/corrections";
        JsonObject Body(Action<JsonObject> change)
        {
            var body = new JsonObject { ["document"] = ingestNo, ["page"] = 1, ["type"] = "bank" };
            change(body);
            return body;
        }

        await AssertProblemAsync(HttpStatusCode.BadRequest, await _clerk.PostAsync(url, Json(Body(b => b["type"] = "passport"))), "$.type");
        await AssertProblemAsync(HttpStatusCode.BadRequest, await _clerk.PostAsync(url, Json(Body(b => b["member"] = "王五"))), "$.member");
        await AssertProblemAsync(HttpStatusCode.NotFound, await _clerk.PostAsync(url, Json(Body(b => b["page"] = 2))), "$.page");
        await AssertProblemAsync(HttpStatusCode.NotFound, await _clerk.PostAsync(url, Json(Body(b => b["document"] = 99))), "$.document");
        await AssertProblemAsync(HttpStatusCode.BadRequest, await _clerk.PostAsync(url, Json(Body(b => b["document"] = 1))), "$.document"); // the case data
        await AssertProblemAsync(HttpStatusCode.BadRequest, await _clerk.PostAsync(url, Json(Body(b => b.Remove("document")))), "$.document");
        await AssertProblemAsync(HttpStatusCode.BadRequest, await _clerk.PostAsync(url, Json(Body(b => b["type"] = "id-front"))), "$");
        await AssertProblemAsync(HttpStatusCode.BadRequest, await _clerk.PostAsync(url, Json(Body(b => b["idNumber"] = "370202********7733"))), "$.idNumber");
        await AssertProblemAsync(HttpStatusCode.BadRequest, await _clerk.PostAsync(url, Json(Body(b => b["reason"] = new string('理', 501)))), "$.reason");
        await AssertProblemAsync(HttpStatusCode.BadRequest, await _clerk.PostAsync(url, Json(Body(b => b["page"] = "one"))), "$.page");
        await AssertProblemAsync(HttpStatusCode.UnsupportedMediaType, await _clerk.PostAsync(url, new StringContent("type=bank")));

        Assert.Equal(4, await DocumentCountAsync(_clerk, caseId));
        Assert.True(await ChecklistHasAsync(_clerk, caseId, "id-front"));
    }

    [Fact]
    public async Task Only_the_townships_clerk_corrects_and_never_in_a_sealed_case()
    {
        var caseId = await CreateAsync(_clerk);
        int ingestNo = (int)(await UploadCorpusScanAsync(_clerk, caseId))["documents"]!["ingestResult"]!;
        var url = $"/api/cases/{caseId}/pages/corrections";
        var body = new JsonObject { ["document"] = ingestNo, ["page"] = 1, ["type"] = "bank" };

        var other = server.ClientFor(Role.Clerk, OtherTownship);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync(url, Json(body))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/cases/{caseId}/pages")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _archivist.PostAsync(url, Json(body))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _archivist.PostAsync($"/api/cases/{caseId}/supplement-volume", null)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await _clerk.PostAsync($"/api/cases/{caseId}/seal", null)).StatusCode);
        await AssertProblemAsync(HttpStatusCode.Conflict, await _clerk.PostAsync(url, Json(body)));
        Assert.Equal(4, await DocumentCountAsync(_clerk, caseId));
        var pages = await GetJsonAsync(_archivist, $"/api/cases/{caseId}/pages");
        Assert.True((bool)pages["sealed"]!);
        Assert.Equal("id-front", (string)pages["pages"]!.AsArray().Single()!["type"]!);
    }

    [Fact]
    public async Task A_sealed_case_opens_supplement_volumes_that_know_the_household()
    {
        var caseId = await CreateAsync(_clerk);
        await AssertProblemAsync(HttpStatusCode.Conflict, await _clerk.PostAsync($"/api/cases/{caseId}/supplement-volume", null));
        Assert.Equal(HttpStatusCode.OK, (await _clerk.PostAsync($"/api/cases/{caseId}/seal", null)).StatusCode);
        Assert.False(await ChecklistHasAsync(_clerk, caseId, "id-front"));

        var response = await _clerk.PostAsync($"/api/cases/{caseId}/supplement-volume", null);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        var v2 = JsonNode.Parse(body)!;
        var v2Id = (string)v2["caseId"]!;
        Assert.Equal($"{caseId}-V2", v2Id);
        Assert.Equal($"/api/cases/{v2Id}", response.Headers.Location!.OriginalString);
        Assert.Equal(caseId, (string)v2["supplementOf"]!);
        Assert.Equal(2, (int)v2["volume"]!);
        Assert.False((bool)v2["sealed"]!);
        // The volume carries the very case data of the sealed one (same bytes, same SHA-256).
        var rootData = (await GetJsonAsync(_clerk, $"/api/cases/{caseId}"))["directory"]!.AsArray().Single(d => (string)d!["fileName"]! == "case-data.json")!;
        var v2Data = v2["directory"]!.AsArray().Single()!;
        Assert.Equal("case-data.json", (string)v2Data["fileName"]!);
        Assert.Equal((string)rootData["sha256"]!, (string)v2Data["sha256"]!);

        // While V2 is open, asking again (of either volume) points at it instead of opening V3.
        var twice = await _clerk.PostAsync($"/api/cases/{caseId}/supplement-volume", null);
        await AssertProblemAsync(HttpStatusCode.Conflict, twice);
        Assert.Equal(v2Id, (string)JsonNode.Parse(await twice.Content.ReadAsStringAsync())!["openVolume"]!);
        await AssertProblemAsync(HttpStatusCode.Conflict, await _clerk.PostAsync($"/api/cases/{v2Id}/supplement-volume", null));

        // Scans filed into V2 match the household's members.
        var page = (await UploadCorpusScanAsync(_clerk, v2Id))["pages"]!.AsArray().Single()!;
        Assert.Contains(page["idNumbers"]!.AsArray(), i => (string?)i!["matchedMember"] == CorpusName);
        Assert.True(await ChecklistHasAsync(_clerk, v2Id, "id-front"));

        Assert.Equal(HttpStatusCode.OK, (await _clerk.PostAsync($"/api/cases/{v2Id}/seal", null)).StatusCode);
        var v3 = await _clerk.PostAsync($"/api/cases/{caseId}/supplement-volume", null);
        Assert.Equal(HttpStatusCode.Created, v3.StatusCode);
        var v3Id = (string)JsonNode.Parse(await v3.Content.ReadAsStringAsync())!["caseId"]!;
        Assert.Equal($"{caseId}-V3", v3Id);
        // V3 is empty but the ID card filed in V2 still counts: a later volume completes the case, it does not restart it.
        Assert.Equal(1, await DocumentCountAsync(_clerk, v3Id));
        Assert.True(await ChecklistHasAsync(_clerk, v3Id, "id-front"));
        Assert.False(await ChecklistHasAsync(_clerk, caseId, "id-front")); // the sealed case itself is unchanged
        Assert.Equal(HttpStatusCode.NotFound, (await server.ClientFor(Role.Clerk, OtherTownship).PostAsync($"/api/cases/{v2Id}/supplement-volume", null)).StatusCode);
    }

    private async Task<uint> ThumbnailWidthAsync(string path) => new MagickImageInfo(await _clerk.GetByteArrayAsync(path)).Width;

    private static async Task AssertProblemAsync(HttpStatusCode status, HttpResponseMessage response, string? path = null)
    {
        var problem = await ProblemAssert.ChineseAsync(response, status);
        if (path is not null) Assert.Contains(problem["errors"]!.AsArray(), e => (string)e!["path"]! == path);
    }
}
