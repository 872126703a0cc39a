using System.IO.Compression;
using System.Net;
using System.Text.Json.Nodes;
using FormArchive.Api.Access;
using FormArchive.Api.Work;
using FormArchive.Archive;
using FormArchive.Archive.Access;
using FormArchive.Archive.Cases;
using FormArchive.Archive.Storage;
using FormArchive.Testing;
using FormArchive.Tests.Forms;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;
using static FormArchive.Tests.Api.CaseApi;

namespace FormArchive.Tests.Api;

/// <summary>Cases over real HTTP on the local-disk store.</summary>
public sealed class CaseEndpointTests(ApiServer server) : CaseEndpointSuite(server), IClassFixture<ApiServer>;

/// <summary>The same suite with the service filing into S3 (Ceph RGW).</summary>
[Collection(S3ApiCollection.Name)]
public sealed class CaseEndpointS3Tests(S3ApiServer server) : CaseEndpointSuite(server);

/// <summary>Cases over real HTTP: filing, scoping, sealing, retrieval, limits — run on each store.</summary>
public abstract class CaseEndpointSuite(ApiServer server)
{
    private readonly HttpClient _clerk = server.ClientFor(Role.Clerk, Township);
    private readonly HttpClient _archivist = server.ClientFor(Role.Archivist);

    [Fact]
    public async Task Cases_are_filed_in_the_configured_store()
    {
        var store = server.App.Services.GetRequiredService<ArchiveHost>().Archive.Store;
        Assert.IsType(server.StoreKind == "s3" ? typeof(S3ArchiveStore) : typeof(LocalArchiveStore), store);
        var caseId = await CreateAsync(_clerk);
        Assert.NotEmpty(await store.ListAsync(StoreArea.Journal, CaseKeys.Events(caseId)));
        Assert.NotEmpty(await store.ListAsync(StoreArea.Vault, CaseKeys.Objects(caseId))); // the case data
        // In S3 mode nothing of the case lands on the service's disk (keys and the catalog do).
        Assert.Equal(server.StoreKind == "local", Directory.Exists(Path.Combine(server.DataDirectory, "archive")));
        Assert.Equal("ready", await _clerk.GetStringAsync("/readyz"));
    }

    [Fact]
    public async Task Renders_a_form_into_the_case_and_lists_it_in_the_directory()
    {
        var caseId = await CreateAsync(_clerk);
        var response = await _clerk.PostAsync($"/api/cases/{caseId}/forms/chizhou.review-form", Json(FormsFixture.Sample("case.json")));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var entry = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        int no = (int)entry["no"]!;

        var view = await GetJsonAsync(_archivist, $"/api/cases/{caseId}");
        Assert.Equal("370202********7733", (string)view["idNumberMasked"]!);
        var row = view["directory"]!.AsArray().Single(d => (int)d!["no"]! == no)!;
        Assert.Equal("池州市低收入人口审核确认表", (string)row["title"]!);
        Assert.True((int)row["pages"]! >= 1);
        Assert.Equal(Township, (string)row["responsibleParty"]!);

        var pdf = await _clerk.GetByteArrayAsync($"/api/cases/{caseId}/documents/{no}");
        using var doc = PdfDocument.Open(pdf);
        Assert.Equal((int)row["pages"]!, doc.NumberOfPages);
    }

    [Fact]
    public async Task A_filed_notice_s_number_is_its_doc_number_in_the_dossier_directory()
    {
        var caseId = await CreateAsync(_clerk);
        var response = await _clerk.PostAsync($"/api/cases/{caseId}/forms/chizhou.rejection-notice", Json(FormsFixture.Sample("notice-rejection.json")));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("（2024年第 17 号）", (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["docNumber"]);
        var dossier = await _archivist.GetByteArrayAsync($"/api/cases/{caseId}/dossier");
        using var pdf = PdfDocument.Open(dossier);
        var directory = string.Concat(pdf.GetPage(2).Text.Where(c => !char.IsWhiteSpace(c)));
        Assert.Contains("卷内目录", directory);
        Assert.Contains("（2024年第17号）", directory);
        Assert.Contains("池州市低收入人口不予批准告知书", directory);
    }

    [Fact]
    public async Task A_scan_filed_with_a_doc_number_lists_it_in_the_dossier_directory_and_a_bad_one_files_nothing()
    {
        var caseId = await CreateAsync(_clerk);
        // Too long, or one per file for a different number of files: 400 in Chinese, nothing filed.
        foreach (var (numbers, says) in new[] { (new[] { new string('号', 51) }, "文号最多 50 个字符"), (new[] { "甲", "乙" }, "docNumber 应给一个") })
        {
            var bad = Scans(("scan-0000.jpg", CorpusScan(), "image/jpeg"));
            foreach (var n in numbers) bad.Add(new StringContent(n), "docNumber");
            var refused = await _clerk.PostAsync($"/api/cases/{caseId}/scans", bad);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains(says, (string)JsonNode.Parse(await refused.Content.ReadAsStringAsync())!["detail"]!);
        }
        Assert.Single((await GetJsonAsync(_clerk, $"/api/cases/{caseId}"))["directory"]!.AsArray());   // the case data only

        var form = Scans(("scan-0000.jpg", CorpusScan(), "image/jpeg"));
        form.Add(new StringContent("id-front"), "hint");
        form.Add(new StringContent(" 池民社救〔2024〕56号 "), "docNumber");
        var response = await _clerk.PostAsync($"/api/cases/{caseId}/scans", form);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var directory = (await GetJsonAsync(_clerk, $"/api/cases/{caseId}"))["directory"]!.AsArray();
        // The original and its searchable PDF carry the 文号; the ingest result is the service's own record.
        Assert.Equal(["池民社救〔2024〕56号", "池民社救〔2024〕56号", null], directory.Skip(1).Select(d => (string?)d!["docNumber"]));
        using var pdf = PdfDocument.Open(await _archivist.GetByteArrayAsync($"/api/cases/{caseId}/dossier"));
        Assert.Contains("池民社救〔2024〕56号", string.Concat(pdf.GetPage(2).Text.Where(c => !char.IsWhiteSpace(c))));
    }

    [Fact]
    public async Task Uploaded_scan_is_read_matched_filed_and_counted_in_the_checklist()
    {
        var caseId = await CreateAsync(_clerk);
        var form = Scans(("scan-0000.jpg", CorpusScan(), "image/jpeg"));
        form.Add(new StringContent("id-front"), "hint");
        var response = await _clerk.PostAsync($"/api/cases/{caseId}/scans", form);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        var file = JsonNode.Parse(body)!["files"]!.AsArray().Single()!;
        var page = file["pages"]!.AsArray().Single()!;
        Assert.Equal("id-front", (string)page["type"]!);
        Assert.Contains(page["idNumbers"]!.AsArray(), i => (bool)i!["valid"]! && (string?)i["matchedMember"] == CorpusName);

        var directory = (await GetJsonAsync(_clerk, $"/api/cases/{caseId}"))["directory"]!.AsArray();
        Assert.Equal(4, directory.Count); // case data, original, searchable PDF, ingest result
        Assert.Equal("image/jpeg", (string)directory[1]!["mediaType"]!);
        Assert.Equal("居民身份证（正面）", (string)directory[2]!["title"]!);
        var searchable = await _clerk.GetByteArrayAsync($"/api/cases/{caseId}/documents/{(int)file["documents"]!["searchablePdf"]!}");
        using (var pdf = PdfDocument.Open(searchable)) Assert.Equal(1, pdf.NumberOfPages);

        var checklist = await GetJsonAsync(_clerk, $"/api/cases/{caseId}/checklist");
        Assert.False((bool)checklist["complete"]!);
        var items = checklist["items"]!.AsArray();
        Assert.True((bool)items.Single(i => (string)i!["code"]! == "id-front")!["present"]!);
        Assert.False((bool)items.Single(i => (string)i!["code"]! == "bank")!["present"]!);

        var notice = await _clerk.PostAsync($"/api/cases/{caseId}/supplement-notice", null);
        Assert.Equal(HttpStatusCode.OK, notice.StatusCode);
        Assert.Equal("application/pdf", notice.Content.Headers.ContentType!.MediaType);
        using var noticePdf = PdfDocument.Open(await notice.Content.ReadAsByteArrayAsync());
        Assert.Contains("银行账户", string.Concat(noticePdf.GetPages().SelectMany(p => p.Letters).Select(l => l.Value)));
        Assert.Equal(5, await DocumentCountAsync(_clerk, caseId));
    }

    [Fact]
    public async Task A_clerk_sees_only_cases_of_their_own_township()
    {
        var caseId = await CreateAsync(_clerk);
        var other = server.ClientFor(Role.Clerk, OtherTownship);

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/cases/{caseId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/cases/{caseId}/documents/1")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync($"/api/cases/{caseId}/seal", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync($"/api/cases/{caseId}/forms/chizhou.review-form", Json("{}"))).StatusCode);
        var found = JsonNode.Parse(await (await other.PostAsync("/api/cases/search", Json(new JsonObject { ["idNumber"] = CorpusIdNumber }))).Content.ReadAsStringAsync())!.AsArray();
        Assert.DoesNotContain(found, e => (string)e!["caseId"]! == caseId);
        // Nor may they open a case in someone else's township.
        var foreign = NewCase();
        foreign["township"] = Township;
        Assert.Equal(HttpStatusCode.Forbidden, (await other.PostAsync("/api/cases", Json(foreign))).StatusCode);

        // The owner and archivists do see it.
        Assert.Equal(HttpStatusCode.OK, (await _clerk.GetAsync($"/api/cases/{caseId}")).StatusCode);
        var mine = JsonNode.Parse(await (await _clerk.PostAsync("/api/cases/search", Json(new JsonObject { ["idNumber"] = CorpusIdNumber }))).Content.ReadAsStringAsync())!.AsArray();
        Assert.Contains(mine, e => (string)e!["caseId"]! == caseId && (string)e["idNumberMasked"]! == "370202********7733");
        Assert.Equal(HttpStatusCode.OK, (await _archivist.GetAsync($"/api/cases/{caseId}")).StatusCode);
    }

    [Fact]
    public async Task Roles_limit_what_a_key_may_do()
    {
        var caseId = await CreateAsync(_clerk);
        var integrator = server.Client;
        Assert.Equal(HttpStatusCode.Forbidden, (await integrator.GetAsync($"/api/cases/{caseId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _archivist.PostAsync($"/api/cases/{caseId}/seal", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _archivist.PostAsync("/api/cases", Json(NewCase()))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _clerk.GetAsync($"/api/cases/{caseId}/dossier")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _clerk.GetAsync("/api/keys")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _archivist.PostAsync("/api/forms/chizhou.acceptance-notice/render", null)).StatusCode);

        var anonymous = server.ClientWithKey(null);
        var unauthenticated = await anonymous.GetAsync($"/api/cases/{caseId}");
        Assert.Equal(HttpStatusCode.Unauthorized, unauthenticated.StatusCode);
        Assert.Equal("application/problem+json", unauthenticated.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/api/forms/chizhou.acceptance-notice/render", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/api/forms")).StatusCode); // the catalog is public

        // A revoked key stops working at once.
        var store = server.App.Services.GetRequiredService<ApiKeyStore>();
        var issued = store.Add("short-lived", Role.Archivist);
        var client = server.ClientWithKey(issued.Secret);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/cases/{caseId}")).StatusCode);
        Assert.True(store.Revoke(issued.Key.Id));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync($"/api/cases/{caseId}")).StatusCode);
    }

    [Fact]
    public async Task A_sealed_case_refuses_writes_with_409_and_serves_dossier_export_and_verification()
    {
        var caseId = await CreateAsync(_clerk);
        Assert.Equal(HttpStatusCode.Created, (await _clerk.PostAsync($"/api/cases/{caseId}/forms/chizhou.review-form", Json(FormsFixture.Sample("case.json")))).StatusCode);
        var seal = await _clerk.PostAsync($"/api/cases/{caseId}/seal", null);
        Assert.Equal(HttpStatusCode.OK, seal.StatusCode);
        Assert.True((bool)JsonNode.Parse(await seal.Content.ReadAsStringAsync())!["sealed"]!);

        foreach (var write in new Func<Task<HttpResponseMessage>>[]
                 {
                     () => _clerk.PostAsync($"/api/cases/{caseId}/forms/chizhou.review-form", Json(FormsFixture.Sample("case.json"))),
                     () => _clerk.PostAsync($"/api/cases/{caseId}/scans", Scans(("scan-0000.jpg", CorpusScan(), "image/jpeg"))),
                     () => _clerk.PostAsync($"/api/cases/{caseId}/seal", null),
                     () => _clerk.PostAsync($"/api/cases/{caseId}/supplement-notice", null),
                 })
        {
            var response = await write();
            Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        }
        Assert.Equal(2, await DocumentCountAsync(_clerk, caseId));

        var dossier = await _archivist.GetAsync($"/api/cases/{caseId}/dossier");
        Assert.Equal(HttpStatusCode.OK, dossier.StatusCode);
        using (var pdf = PdfDocument.Open(await dossier.Content.ReadAsByteArrayAsync())) Assert.True(pdf.NumberOfPages >= 3);

        var export = await _archivist.GetAsync($"/api/cases/{caseId}/export");
        Assert.Equal("application/zip", export.Content.Headers.ContentType!.MediaType);
        using (var zip = new ZipArchive(await export.Content.ReadAsStreamAsync()))
        {
            Assert.NotNull(zip.GetEntry("manifest.json"));
            Assert.NotNull(zip.GetEntry("manifest.sig"));
        }

        var report = await GetJsonAsync(_archivist, $"/api/cases/{caseId}/verify");
        Assert.All(report["checks"]!.AsArray(), c => Assert.True((bool)c!["passed"]!, c.ToJsonString()));
        var reportPdf = await _archivist.GetAsync($"/api/cases/{caseId}/verify?format=pdf");
        Assert.Equal("application/pdf", reportPdf.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Bad_requests_are_clear_problems_and_store_nothing()
    {
        var malformed = await _clerk.PostAsync("/api/cases", Json("{\"applicant\": {\"name\": 5"));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        var badType = await _clerk.PostAsync("/api/cases", Json("{\"applicant\": {\"name\": 5, \"idNumber\": \"x\"}, \"categories\": [\"低保\"]}"));
        Assert.Equal(HttpStatusCode.BadRequest, badType.StatusCode);
        Assert.Contains("$.applicant.name", (string)JsonNode.Parse(await badType.Content.ReadAsStringAsync())!["detail"]!);
        var wrongType = await _clerk.PostAsync("/api/cases", new StringContent("applicant=x", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, wrongType.StatusCode);

        var badId = NewCase("T-bad-id");
        badId["applicant"]!["idNumber"] = "370202194004297734"; // check digit wrong
        var invalid = await _clerk.PostAsync("/api/cases", Json(badId));
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var invalidProblem = JsonNode.Parse(await invalid.Content.ReadAsStringAsync())!;
        Assert.Contains(invalidProblem["errors"]!.AsArray(), e => (string)e!["path"]! == "$.applicant.idNumber");
        Assert.Equal("立案申请有误", (string)invalidProblem["title"]!);
        Assert.StartsWith("立案申请有1处问题，第一处：$.applicant.idNumber：身份证号码校验码错误", (string)invalidProblem["detail"]!);
        Assert.Equal(HttpStatusCode.NotFound, (await _clerk.GetAsync("/api/cases/T-bad-id")).StatusCode);

        // The clerk's file number twice: a 409 in Chinese naming the case that holds it.
        var numbered = NewCase();
        var holder = await CreateAsync(_clerk, numbered);
        var again = await _clerk.PostAsync("/api/cases", Json(numbered.DeepClone()));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var conflict = JsonNode.Parse(await again.Content.ReadAsStringAsync())!;
        Assert.Equal("本单位案卷号已被使用", (string)conflict["title"]!);
        Assert.Equal($"本单位案卷号“{(string)numbered["fileNumber"]!}”已由{Township}的案件 {holder} 使用，未立新案。", (string)conflict["detail"]!);
        Assert.Equal(holder, (string)conflict["caseId"]!);

        var caseId = await CreateAsync(_clerk);
        var schemaError = JsonNode.Parse(FormsFixture.Sample("case.json"))!;
        schemaError["applicant"]!["id_number"] = "not an id";
        var render = await _clerk.PostAsync($"/api/cases/{caseId}/forms/chizhou.review-form", Json(schemaError));
        Assert.Equal(HttpStatusCode.BadRequest, render.StatusCode);
        Assert.Contains(JsonNode.Parse(await render.Content.ReadAsStringAsync())!["errors"]!.AsArray(), e => ((string)e!["path"]!).Contains("applicant.id_number"));

        var notMultipart = await _clerk.PostAsync($"/api/cases/{caseId}/scans", Json("{}"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, notMultipart.StatusCode);

        var oversize = await _clerk.PostAsync($"/api/cases/{caseId}/scans", Scans(("big.jpg", new byte[ApiServer.MaxUploadBytes + 1000], "image/jpeg")));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, oversize.StatusCode);

        var javascript = await _clerk.PostAsync($"/api/cases/{caseId}/scans",
            Scans(("scan-0000.jpg", CorpusScan(), "image/jpeg"), ("evil.pdf", PdfWithJavaScript(), "application/pdf")));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, javascript.StatusCode);
        var problem = JsonNode.Parse(await javascript.Content.ReadAsStringAsync())!;
        Assert.Equal("evil.pdf", (string)problem["files"]!.AsArray().Single()!["file"]!);
        Assert.Contains("JavaScript", (string)problem["detail"]!);

        var garbage = await _clerk.PostAsync($"/api/cases/{caseId}/scans", Scans(("notes.jpg", "not an image at all"u8.ToArray(), "image/jpeg")));
        var garbageProblem = await ProblemAssert.ChineseAsync(garbage, HttpStatusCode.UnprocessableEntity);
        Assert.StartsWith("notes.jpg：", (string)garbageProblem["detail"]!);
        Assert.Contains("不支持的文件类型", (string)garbageProblem["detail"]!);

        // A complete, valid PNG of about 110 KB that would decode to 30000 × 30000 pixels (112 MB of zlib data).
        var bombPng = DecompressionBomb.Png(30000, 30000);
        Assert.InRange(bombPng.Length, 50_000, 200_000);
        var bomb = await _clerk.PostAsync($"/api/cases/{caseId}/scans", Scans(("bomb.png", bombPng, "image/png")));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bomb.StatusCode);
        var bombProblem = JsonNode.Parse(await bomb.Content.ReadAsStringAsync())!;
        Assert.Equal("bomb.png", (string)bombProblem["files"]!.AsArray().Single()!["file"]!);
        Assert.Contains("900 百万像素", (string)bombProblem["detail"]!);

        Assert.Equal(1, await DocumentCountAsync(_clerk, caseId)); // only the case data
    }

    [Fact]
    public async Task Reads_and_writes_are_audited_with_id_numbers_masked()
    {
        var caseId = await CreateAsync(_clerk);
        await _archivist.GetAsync($"/api/cases/{caseId}");
        await _archivist.PostAsync("/api/cases/search", Json(new JsonObject { ["idNumber"] = CorpusIdNumber }));
        var other = server.ClientFor(Role.Clerk, OtherTownship);
        await other.GetAsync($"/api/cases/{caseId}");

        var audit = await _archivist.GetStringAsync($"/api/audit?caseId={caseId}");
        var entries = JsonNode.Parse(audit)!.AsArray();
        Assert.Contains(entries, e => (string)e!["action"]! == "case.create" && (string)e["role"]! == "clerk" && (int)e["status"]! == 201);
        Assert.Contains(entries, e => (string)e!["action"]! == "case.read" && (string)e["role"]! == "archivist" && e["remoteAddress"] is not null);
        Assert.Contains(entries, e => (string)e!["action"]! == "case.read" && (int)e["status"]! == 404);
        var all = await _archivist.GetStringAsync("/api/audit?limit=1000");
        Assert.Contains("idNumber=370202********7733", all);
        Assert.DoesNotContain(CorpusIdNumber, all);
        Assert.Equal(HttpStatusCode.Forbidden, (await _clerk.GetAsync("/api/audit")).StatusCode);

        var chain = await GetJsonAsync(_archivist, "/api/audit/verify");
        Assert.True((bool)chain["intact"]!, (string?)chain["problem"]);
        Assert.True((long)chain["entries"]! >= entries.Count);
        Assert.Matches("^[0-9a-f]{64}$", (string)chain["head"]!);
        Assert.Equal(HttpStatusCode.Forbidden, (await _clerk.GetAsync("/api/audit/verify")).StatusCode);
    }

    [Fact]
    public async Task The_first_admin_key_is_written_once_and_manages_keys()
    {
        var secret = File.ReadAllText(Path.Combine(server.DataDirectory, "keys", "first-admin-api-key.txt")).Trim();
        var admin = server.ClientWithKey(secret);
        var created = await admin.PostAsync("/api/keys", Json(new JsonObject { ["name"] = "王五", ["role"] = "clerk", ["township"] = Township }));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var key = JsonNode.Parse(await created.Content.ReadAsStringAsync())!;
        var clerk = server.ClientWithKey((string)key["secret"]!);
        await CreateAsync(clerk);
        var listed = await admin.GetStringAsync("/api/keys");
        Assert.DoesNotContain((string)key["secret"]!, listed);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/keys/{(string)key["key"]!["id"]!}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await clerk.PostAsync("/api/cases", Json(NewCase()))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsync("/api/keys", Json(new JsonObject { ["name"] = "x", ["role"] = "clerk" }))).StatusCode);
    }

    [Fact]
    public async Task Heavy_work_beyond_the_bound_gets_503_with_retry_after_and_readyz_answers()
    {
        Assert.Equal("ready", await server.Client.GetStringAsync("/readyz"));
        var gate = server.App.Services.GetRequiredService<WorkGate>();
        var held = new List<IDisposable>();
        for (int i = 0; i < gate.MaxConcurrent; i++) held.Add((await gate.TryEnterAsync(CancellationToken.None))!);
        try
        {
            var busy = await server.Client.PostAsync("/api/forms/chizhou.acceptance-notice/render", null);
            var problem = await ProblemAssert.ChineseAsync(busy, HttpStatusCode.ServiceUnavailable);
            Assert.NotNull(busy.Headers.RetryAfter);
            Assert.Equal("服务繁忙", (string)problem["title"]!);
        }
        finally
        {
            foreach (var h in held) h.Dispose();
        }
        Assert.Equal(HttpStatusCode.OK, (await server.Client.PostAsync("/api/forms/chizhou.acceptance-notice/render", null)).StatusCode);
    }
}
