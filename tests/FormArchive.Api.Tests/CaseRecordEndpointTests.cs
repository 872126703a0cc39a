using System.Net;
using System.Text.Json.Nodes;
using FormArchive.Archive.Access;
using UglyToad.PdfPig;
using static FormArchive.Tests.Api.CaseApi;

namespace FormArchive.Tests.Api;

/// <summary>
/// The case's full data (templates/case.schema.json) over real HTTP: every save a new document, validated as
/// rendering validates, versions and their changes, the persons read on its scans, the 申请书 printed from it.
/// </summary>
public sealed class CaseRecordEndpointTests(ApiServer server) : IClassFixture<ApiServer>
{
    private readonly HttpClient _clerk = server.ClientFor(Role.Clerk, Township);

    /// <summary>Complete enough for the 申请书: applicant, categories, place, one member, economic status and reason.</summary>
    private static JsonObject Complete() => new()
    {
        ["applicant"] = new JsonObject { ["name"] = CorpusName, ["id_number"] = CorpusIdNumber, ["ethnicity"] = "汉族" },
        ["categories"] = new JsonArray("最低生活保障"),
        ["township"] = Township,
        ["village"] = "杏花村",
        ["members"] = new JsonArray(new JsonObject
        {
            ["name"] = CorpusName, ["id_number"] = CorpusIdNumber, ["relationship"] = "本人", ["health_status"] = "患病", ["annual_income"] = 4321.5,
        }),
        ["economic_status"] = "家中无存款，年收入约四千元",
        ["hardship_reason"] = "本人患慢性病，无劳动能力",
    };

    private async Task<HttpResponseMessage> SaveAsync(string caseId, JsonNode data) =>
        await _clerk.PutAsync($"/api/cases/{caseId}/record", Json(data));

    [Fact]
    public async Task A_new_case_offers_a_draft_from_its_opening_data_and_each_change_is_a_new_version()
    {
        var caseId = await CreateAsync(_clerk);
        var draft = await GetJsonAsync(_clerk, $"/api/cases/{caseId}/record");
        Assert.Equal(0, (int)draft["version"]!);
        Assert.Equal(CorpusName, (string)draft["data"]!["applicant"]!["name"]!);
        Assert.Equal("本人", (string)draft["data"]!["members"]![0]!["relationship"]!);
        int documentsBefore = await DocumentCountAsync(_clerk, caseId);

        var first = await SaveAsync(caseId, Complete());
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(1, (int)JsonNode.Parse(await first.Content.ReadAsStringAsync())!["version"]!);
        // The same data again files nothing.
        var same = await SaveAsync(caseId, Complete());
        Assert.Equal(HttpStatusCode.OK, same.StatusCode);
        Assert.True((bool)JsonNode.Parse(await same.Content.ReadAsStringAsync())!["unchanged"]!);

        var changed = Complete();
        changed["economic_status"] = "家中无存款，年收入约三千元";
        changed["members"]![0]!["id_number"] = "110105201001010010";
        var second = await SaveAsync(caseId, changed);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(documentsBefore + 2, await DocumentCountAsync(_clerk, caseId));

        var latest = await GetJsonAsync(_clerk, $"/api/cases/{caseId}/record");
        Assert.Equal(2, (int)latest["version"]!);
        Assert.Equal("家中无存款，年收入约三千元", (string)latest["data"]!["economic_status"]!);
        Assert.Equal(2, latest["versions"]!.AsArray().Count);
        var v1 = await GetJsonAsync(_clerk, $"/api/cases/{caseId}/record/versions/1");
        Assert.Equal("家中无存款，年收入约四千元", (string)v1["data"]!["economic_status"]!);

        var changes = (await GetJsonAsync(_clerk, $"/api/cases/{caseId}/record/changes?from=1&to=2"))["changes"]!.AsArray();
        Assert.Equal(["$.economic_status", "$.members[0].id_number"], changes.Select(c => (string)c!["path"]!).ToArray());
        Assert.Equal("家中无存款，年收入约四千元", (string)changes[0]!["before"]!);
        // The desk shows that the number changed, not the numbers.
        Assert.Equal("110105********0010", (string)changes[1]!["after"]!);
        Assert.DoesNotContain(CorpusIdNumber, changes.ToJsonString());
        Assert.Equal(HttpStatusCode.NotFound, (await _clerk.GetAsync($"/api/cases/{caseId}/record/versions/3")).StatusCode);
    }

    [Fact]
    public async Task Invalid_data_is_refused_with_a_chinese_message_per_json_path_and_nothing_is_filed()
    {
        var caseId = await CreateAsync(_clerk);
        int documentsBefore = await DocumentCountAsync(_clerk, caseId);
        var bad = Complete();
        bad["members"]![0]!["annual_income"] = 12.345;           // x-money: at most 分
        bad["members"]![0]!["sex"] = "女";                        // the ID number says 男
        bad["applicant"]!["id_number"] = "370202194004297734";   // wrong check character
        bad["application_date"] = "2025-02-30";

        var response = await SaveAsync(caseId, bad);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var errors = JsonNode.Parse(body)!["errors"]!.AsArray();
        var paths = errors.Select(e => (string)e!["path"]!).ToHashSet();
        Assert.Contains("$.applicant.id_number", paths);
        Assert.Contains("$.application_date", paths);
        // Schema errors come first; once the shape is right, the case rules (money, sex vs ID number) speak.
        Assert.All(errors, e => Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", (string)e!["message"]!));
        Assert.Equal(documentsBefore, await DocumentCountAsync(_clerk, caseId));

        bad["applicant"]!["id_number"] = CorpusIdNumber;
        bad["application_date"] = "2025-02-28";
        var rules = JsonNode.Parse(await (await SaveAsync(caseId, bad)).Content.ReadAsStringAsync())!["errors"]!.AsArray();
        var rulePaths = rules.Select(e => (string)e!["path"]!).ToHashSet();
        Assert.Contains("$.members[0].annual_income", rulePaths);
        Assert.Contains("$.members[0].sex", rulePaths);
        Assert.Equal(documentsBefore, await DocumentCountAsync(_clerk, caseId));
    }

    [Fact]
    public async Task Not_json_too_large_or_a_sealed_case_are_refused()
    {
        var caseId = await CreateAsync(_clerk);
        Assert.Equal(HttpStatusCode.BadRequest, (await _clerk.PutAsync($"/api/cases/{caseId}/record", Json("[1,2]"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await _clerk.PutAsync($"/api/cases/{caseId}/record", Json("{\"members\": "))).StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await _clerk.PutAsync($"/api/cases/{caseId}/record", new StringContent("{}"))).StatusCode);
        var archivist = server.ClientFor(Role.Archivist);
        Assert.Equal(HttpStatusCode.Forbidden, (await archivist.PutAsync($"/api/cases/{caseId}/record", Json(Complete()))).StatusCode);
        var other = server.ClientFor(Role.Clerk, OtherTownship);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/cases/{caseId}/record")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _clerk.PostAsync($"/api/cases/{caseId}/seal", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await SaveAsync(caseId, Complete())).StatusCode);
    }

    [Fact]
    public async Task The_application_prints_from_the_saved_version_once_complete_and_lists_what_is_missing_before()
    {
        var caseId = await CreateAsync(_clerk);
        var path = $"/api/cases/{caseId}/record/print/yunyang.application";
        Assert.Equal(HttpStatusCode.Conflict, (await _clerk.PostAsync(path, null)).StatusCode);

        var incomplete = Complete();
        incomplete.Remove("economic_status");
        incomplete["hardship_reason"] = " ";
        Assert.Equal(HttpStatusCode.Created, (await SaveAsync(caseId, incomplete)).StatusCode);
        var refused = await _clerk.PostAsync(path, null);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var missing = JsonNode.Parse(await refused.Content.ReadAsStringAsync())!["missing"]!.AsArray();
        Assert.Equal(["$.economic_status", "$.hardship_reason"], missing.Select(m => (string)m!["path"]!).ToArray());
        Assert.Equal(["家庭经济状况", "申请理由（致困原因）"], missing.Select(m => (string)m!["label"]!).ToArray());

        Assert.Equal(HttpStatusCode.Created, (await SaveAsync(caseId, Complete())).StatusCode);
        var printed = await _clerk.PostAsync(path, null);
        var body = JsonNode.Parse(await printed.Content.ReadAsStringAsync())!;
        Assert.Equal(HttpStatusCode.Created, printed.StatusCode);
        Assert.Equal(2, (int)body["caseRecordVersion"]!);
        int no = (int)body["documentNo"]!;
        var entry = (await GetJsonAsync(_clerk, $"/api/cases/{caseId}"))["directory"]!.AsArray().Single(d => (int)d!["no"]! == no)!;
        Assert.Contains("据案件数据第 2 版", (string)entry["title"]!);

        using var pdf = PdfDocument.Open(await _clerk.GetByteArrayAsync($"/api/cases/{caseId}/documents/{no}"));
        var text = string.Concat(pdf.GetPages().Select(p => p.Text)).Replace(" ", "");
        Assert.Contains("家中无存款，年收入约四千元", text);
        Assert.Contains("本人患慢性病", text);
        Assert.Contains(CorpusName, text);
        Assert.Contains("杏花村", text);
    }

    [Fact]
    public async Task Persons_read_on_a_scanned_card_are_offered_with_their_id_number()
    {
        var caseId = await CreateAsync(_clerk);
        await UploadCorpusScanAsync(_clerk, caseId);
        var persons = (await GetJsonAsync(_clerk, $"/api/cases/{caseId}/record/scanned-persons"))["persons"]!.AsArray();
        var person = Assert.Single(persons)!;
        Assert.Equal("scan-0000.jpg", (string)person["file"]!);
        Assert.Equal("id-front", (string)person["type"]!);
        Assert.Equal(CorpusIdNumber, (string)person["idNumber"]!);
        Assert.Equal(CorpusName, (string?)person["name"]);
    }

    [Fact]
    public async Task Concurrent_saves_each_become_their_own_version_and_none_is_lost()
    {
        var caseId = await CreateAsync(_clerk);
        var saves = Enumerable.Range(1, 6).Select(i =>
        {
            var data = Complete();
            data["economic_status"] = $"第 {i} 次保存";
            return SaveAsync(caseId, data);
        }).ToList();
        var versions = new List<int>();
        foreach (var response in await Task.WhenAll(saves))
        {
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            versions.Add((int)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["version"]!);
        }
        Assert.Equal([1, 2, 3, 4, 5, 6], versions.Order().ToArray());
        var listed = (await GetJsonAsync(_clerk, $"/api/cases/{caseId}/record"))["versions"]!.AsArray();
        Assert.Equal(6, listed.Count);
        var texts = new HashSet<string>();
        for (int v = 1; v <= 6; v++)
            texts.Add((string)(await GetJsonAsync(_clerk, $"/api/cases/{caseId}/record/versions/{v}"))["data"]!["economic_status"]!);
        Assert.Equal(6, texts.Count);
    }

    [Fact]
    public async Task A_front_scanned_with_its_expired_back_in_one_file_is_offered_as_expired()
    {
        var caseId = await CreateAsync(_clerk);
        // One two-page TIFF: the corpus card front, then the back of a card that expired in 2013.
        using var pages = new ImageMagick.MagickImageCollection();
        pages.Add(new ImageMagick.MagickImage(CorpusScan()));
        pages.Add(new ImageMagick.MagickImage(Path.Combine(AppContext.BaseDirectory, "Captures", "scan-0003.jpg")));
        foreach (var page in pages) { page.Format = ImageMagick.MagickFormat.Tiff; page.Settings.Compression = ImageMagick.CompressionMethod.JPEG; page.Quality = 85; }
        var tiff = pages.ToByteArray(ImageMagick.MagickFormat.Tiff);
        var upload = await _clerk.PostAsync($"/api/cases/{caseId}/scans", Scans(("card.tif", tiff, "image/tiff")));
        Assert.True(upload.IsSuccessStatusCode, await upload.Content.ReadAsStringAsync());

        var answer = await GetJsonAsync(_clerk, $"/api/cases/{caseId}/record/scanned-persons");
        var person = Assert.Single(answer["persons"]!.AsArray())!;
        Assert.Equal(CorpusIdNumber, (string)person["idNumber"]!);
        Assert.True((bool)person["cardExpired"]!);
        Assert.Contains("2013", (string)person["cardValidity"]!);
        Assert.Equal(CorpusName, (string?)Assert.Single(answer["expiredCards"]!.AsArray())!["holder"]);

        // The back scanned as the next file after the front is its back too; scanned before it, it is no one's.
        var after = await CreateAsync(_clerk);
        await UploadCorpusScanAsync(_clerk, after);
        await UploadBackAsync(after);
        var flagged = (await GetJsonAsync(_clerk, $"/api/cases/{after}/record/scanned-persons"))["persons"]!.AsArray().Single()!;
        Assert.True((bool)flagged["cardExpired"]!);
        var before = await CreateAsync(_clerk);
        await UploadBackAsync(before);
        await UploadCorpusScanAsync(_clerk, before);
        var other = (await GetJsonAsync(_clerk, $"/api/cases/{before}/record/scanned-persons"))["persons"]!.AsArray().Single()!;
        Assert.False((bool)other["cardExpired"]!);
        Assert.Null((string?)Assert.Single((await GetJsonAsync(_clerk, $"/api/cases/{before}/record/scanned-persons"))["expiredCards"]!.AsArray())!["holder"]);
    }

    private async Task UploadBackAsync(string caseId)
    {
        using var form = Scans(("back.jpg", Capture("scan-0003.jpg"), "image/jpeg"));
        form.Add(new StringContent("id-back"), "hint");
        var uploaded = await _clerk.PostAsync($"/api/cases/{caseId}/scans", form);
        Assert.True(uploaded.IsSuccessStatusCode, await uploaded.Content.ReadAsStringAsync());
    }

    private static byte[] Capture(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Captures", name));

    private async Task<int> CasesOfAsync(string idNumber)
    {
        var found = await _clerk.PostAsync("/api/cases/search", Json(new JsonObject { ["idNumber"] = idNumber }));
        return JsonNode.Parse(await found.Content.ReadAsStringAsync())!.AsArray().Count;
    }

    [Fact]
    public async Task Intake_reads_a_card_front_with_its_expired_back_before_any_case_and_files_nothing()
    {
        int casesBefore = await CasesOfAsync(CorpusIdNumber);
        using var form = Scans(("front.jpg", CorpusScan(), "image/jpeg"), ("back.jpg", Capture("scan-0003.jpg"), "image/jpeg"));
        form.Add(new StringContent("id-front"), "hint");
        form.Add(new StringContent("id-back"), "hint");
        var read = await _clerk.PostAsync("/api/case-intake/scans", form);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        var answer = JsonNode.Parse(await read.Content.ReadAsStringAsync())!;
        var person = Assert.Single(answer["persons"]!.AsArray())!;
        Assert.Equal(CorpusName, (string?)person["name"]);
        Assert.Equal(CorpusIdNumber, (string)person["idNumber"]!);
        // Sent right after the one front, the back is its back: its holder is flagged.
        Assert.True((bool)person["cardExpired"]!);
        Assert.Contains("2013", (string)person["cardValidity"]!);
        Assert.Equal(casesBefore, await CasesOfAsync(CorpusIdNumber));
    }

    [Fact]
    public async Task Intake_flags_the_holder_of_an_expired_card_photocopied_front_and_back_on_one_page()
    {
        // Captures/scan-0019: 石海玉's card, both sides on one photocopy, valid until 2010-05-08.
        var read = await _clerk.PostAsync("/api/case-intake/scans", Scans(("copy.jpg", Capture("scan-0019.jpg"), "image/jpeg")));
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        var person = JsonNode.Parse(await read.Content.ReadAsStringAsync())!["persons"]!.AsArray()
            .Single(p => (string?)p!["idNumber"] == "341723194702177186")!;
        Assert.True((bool)person["cardExpired"]!);
        Assert.Contains("2010", (string)person["cardValidity"]!);
    }

    [Fact]
    public async Task Intake_refuses_what_is_not_a_scan_and_an_archivist()
    {
        var empty = await _clerk.PostAsync("/api/case-intake/scans", Scans(("empty.jpg", [], "image/jpeg")));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, empty.StatusCode);
        Assert.Contains("empty.jpg", await empty.Content.ReadAsStringAsync());
        var json = await _clerk.PostAsync("/api/case-intake/scans", Json(new JsonObject()));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, json.StatusCode);
        var archivist = server.ClientFor(Role.Archivist);
        var refused = await archivist.PostAsync("/api/case-intake/scans", Scans(("front.jpg", CorpusScan(), "image/jpeg")));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task Scans_are_matched_against_the_members_of_the_newest_saved_case_data()
    {
        // Opened with 王俊 alone; the corpus card is 孙明红's, who joins the household only in the saved case data.
        var opening = NewCase();
        opening["applicant"] = new JsonObject { ["name"] = "王俊", ["idNumber"] = "341723197112182931" };
        opening["members"] = new JsonArray(new JsonObject { ["name"] = "王俊", ["idNumber"] = "341723197112182931" });
        var caseId = await CreateAsync(_clerk, opening);
        var before = await UploadCorpusScanAsync(_clerk, caseId);
        Assert.Null((string?)before["pages"]![0]!["idNumbers"]![0]!["matchedMember"]);

        var data = Complete();
        data["applicant"] = new JsonObject { ["name"] = "王俊", ["id_number"] = "341723197112182931" };
        data["members"] = new JsonArray(
            new JsonObject { ["name"] = "王俊", ["id_number"] = "341723197112182931", ["relationship"] = "本人" },
            new JsonObject { ["name"] = CorpusName, ["id_number"] = CorpusIdNumber, ["relationship"] = "母亲" });
        Assert.Equal(HttpStatusCode.Created, (await SaveAsync(caseId, data)).StatusCode);
        var after = await UploadCorpusScanAsync(_clerk, caseId);
        Assert.Equal(CorpusName, (string?)after["pages"]![0]!["idNumbers"]![0]!["matchedMember"]);

        // A later version without her: no longer a member.
        data["members"]!.AsArray().RemoveAt(1);
        Assert.Equal(HttpStatusCode.Created, (await SaveAsync(caseId, data)).StatusCode);
        var removed = await UploadCorpusScanAsync(_clerk, caseId);
        Assert.Null((string?)removed["pages"]![0]!["idNumbers"]![0]!["matchedMember"]);
    }

    [Fact]
    public async Task Each_version_keeps_the_stage_the_case_was_at_when_it_was_saved()
    {
        var caseId = await CreateAsync(_clerk);
        Assert.Equal(HttpStatusCode.Created, (await SaveAsync(caseId, Complete())).StatusCode);
        var accepted = await _clerk.PostAsync($"/api/cases/{caseId}/events", Json(new JsonObject { ["kind"] = "受理" }));
        Assert.True(accepted.IsSuccessStatusCode, await accepted.Content.ReadAsStringAsync());
        var changed = Complete();
        changed["economic_status"] = "受理后补充：家中无存款";
        Assert.Equal(HttpStatusCode.Created, (await SaveAsync(caseId, changed)).StatusCode);

        var versions = (await GetJsonAsync(_clerk, $"/api/cases/{caseId}/record"))["versions"]!.AsArray();
        Assert.Null((string?)versions[0]!["stage"]);
        Assert.Equal("受理", (string?)versions[1]!["stage"]);
        var titles = (await GetJsonAsync(_clerk, $"/api/cases/{caseId}"))["directory"]!.AsArray().Select(d => (string)d!["title"]!).ToList();
        Assert.Contains("案件数据（第 1 版）", titles);
        Assert.Contains("案件数据（第 2 版，受理阶段）", titles);
    }
}
