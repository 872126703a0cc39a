using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using FormArchive.Archive.Access;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FormArchive.Web.Tests;

/// <summary>The clerk and archivist pages in Debian's chromium against the running service.</summary>
public class PageTests(WebServer server) : IClassFixture<WebServer>
{
    private const string Township = "秋浦街道";
    /// <summary>The person on the corpus scan scan-0000.jpg (invented): an ID card front.</summary>
    private const string CorpusName = "孙明红";
    private const string CorpusIdNumber = "370202194004297733";

    private static JsonObject NewCase(string village) => new()
    {
        ["applicant"] = new JsonObject { ["name"] = CorpusName, ["idNumber"] = CorpusIdNumber },
        ["village"] = village,
        ["categories"] = new JsonArray("低保"),
        ["members"] = new JsonArray(new JsonObject { ["name"] = CorpusName, ["idNumber"] = CorpusIdNumber }),
    };

    private static async Task<string> CreateCaseAsync(HttpClient clerk, string village)
    {
        var response = await clerk.PostAsync("/api/cases", new StringContent(NewCase(village).ToJsonString(), Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        return (string)JsonNode.Parse(body)!["caseId"]!;
    }

    [Fact]
    public async Task Home_page_links_to_both_desks()
    {
        var (context, page) = await server.NewPageAsync();
        await using var _ = context;
        var response = await page.GotoAsync("/");
        Assert.Equal(200, response!.Status);
        await Expect(page.GetByRole(AriaRole.Link, new() { NameRegex = new("经办人工作台") })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { NameRegex = new("档案员工作台") })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Clerk_uploads_a_scan_and_sees_its_type_and_matched_member()
    {
        var key = server.NewKey(Role.Clerk, Township);
        var caseId = await CreateCaseAsync(server.ClientWithKey(key), "杏花村");
        var (context, page) = await server.NewPageAsync();
        await using var _ = context;

        await page.GotoAsync($"/clerk.html?case={Uri.EscapeDataString(caseId)}");
        // The page asks for the key first (kept in sessionStorage).
        await Expect(page.Locator("#key-dialog")).ToBeVisibleAsync();
        await server.ScreenshotAsync(page, "clerk-0-key");
        await page.Locator("#key-input").FillAsync(key);
        await page.Locator("#key-save").ClickAsync();
        await Expect(page.Locator("#case-summary")).ToContainTextAsync(caseId);
        await Expect(page.Locator("#checklist li[data-code='id-front']")).ToHaveClassAsync("bad");
        await server.ScreenshotAsync(page, "clerk-1-opened");

        // Drag and drop: a DataTransfer holding the corpus scan, dropped on the drop zone.
        var scan = Convert.ToBase64String(await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "Corpus", "scan-0000.jpg")));
        var dataTransfer = await page.EvaluateHandleAsync(@"b64 => {
            const bytes = Uint8Array.from(atob(b64), c => c.charCodeAt(0));
            const dt = new DataTransfer();
            dt.items.add(new File([bytes], 'scan-0000.jpg', { type: 'image/jpeg' }));
            return dt;
        }", scan);
        await page.Locator("#drop").DispatchEventAsync("dragover", new { dataTransfer });
        await Expect(page.Locator("#drop")).ToHaveClassAsync("over");
        await page.Locator("#drop").DispatchEventAsync("drop", new { dataTransfer });
        var upload = page.Locator(".upload[data-file='scan-0000.jpg']");
        await Expect(upload.Locator(".status")).ToHaveTextAsync("已识别并归档", new() { Timeout = 120_000 });
        await Expect(upload.Locator(".type")).ToContainTextAsync("居民身份证（正面）");
        await Expect(upload.Locator(".id-number")).ToContainTextAsync("370202********7733");
        await Expect(upload.Locator(".member")).ToContainTextAsync(CorpusName);
        Assert.Equal(100, await upload.Locator("progress").EvaluateAsync<int>("p => p.value"));
        await Expect(page.Locator("#checklist li[data-code='id-front']")).ToHaveClassAsync("ok");
        await Expect(page.Locator("#directory tbody tr")).ToHaveCountAsync(4); // case data, original, searchable PDF, ingest result
        // Thumbnails are the deskewed page at 320 px, not the 1387 px camera frame.
        await Expect(upload.Locator("img.thumb")).ToHaveJSPropertyAsync("naturalWidth", 320);
        await Expect(upload.Locator(".id-box")).ToHaveCountAsync(1);
        await server.ScreenshotAsync(page, "clerk-2-uploaded");

        // The page list: thumbnail, type and member as selects; correcting the type moves the checklist.
        var review = page.Locator("#pages .page.review");
        await Expect(review).ToHaveCountAsync(1);
        await Expect(review.Locator("img.thumb")).ToHaveJSPropertyAsync("naturalWidth", 320);
        Assert.True(await review.Locator("img.thumb").EvaluateAsync<int>("i => i.naturalWidth") > 0);
        await Expect(review.Locator("select.type")).ToHaveValueAsync("id-front");
        await Expect(review.Locator("select.member")).ToHaveValueAsync(CorpusName);
        await Expect(review.Locator(".id-number")).ToContainTextAsync("370202********7733");
        await Expect(page.Locator("#checklist li[data-code='bank']")).ToHaveClassAsync("bad");
        await review.Locator("select.type").SelectOptionAsync("bank");
        await review.Locator("input.reason").FillAsync("实为银行卡");
        await review.GetByRole(AriaRole.Button, new() { Name = "更正" }).ClickAsync();
        await Expect(page.Locator("#checklist li[data-code='bank']")).ToHaveClassAsync("ok");
        await Expect(page.Locator("#checklist li[data-code='id-front']")).ToHaveClassAsync("bad");
        await Expect(review.Locator(".badge.corrected")).ToBeVisibleAsync();
        await Expect(review.Locator("select.type")).ToHaveValueAsync("bank");
        await Expect(page.Locator("#directory tbody tr")).ToHaveCountAsync(5);
        await Expect(page.Locator("#directory tbody tr").Last).ToContainTextAsync("识别结果更正");
        await Expect(review.Locator("img.thumb")).ToHaveJSPropertyAsync("naturalWidth", 320);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = "/tmp/clerk-pages.png", FullPage = true });
        await server.ScreenshotAsync(page, "clerk-4-corrected");
    }

    [Fact]
    public async Task Clerk_sees_the_number_outlined_on_the_page_and_an_expired_card_flagged()
    {
        // Captures: scan-0000 is a card front photographed at 90°, scan-0003 the back of a card that expired in 2013.
        var truth = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Captures", "truth.json")))!.AsArray();
        var front = truth.Single(t => (string)t!["file"]! == "scan-0000.jpg")!;
        string name = (string)front["person"]!["name"]!, number = (string)front["numbers"]![0]!;
        var key = server.NewKey(Role.Clerk, Township);
        var clerk = server.ClientWithKey(key);
        var body = new JsonObject
        {
            ["applicant"] = new JsonObject { ["name"] = name, ["idNumber"] = number }, ["village"] = "杏花村", ["categories"] = new JsonArray("低保"),
            ["members"] = new JsonArray(new JsonObject { ["name"] = name, ["idNumber"] = number }),
        };
        var created = await clerk.PostAsync("/api/cases", new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var caseId = (string)JsonNode.Parse(await created.Content.ReadAsStringAsync())!["caseId"]!;
        foreach (var file in new[] { "scan-0000.jpg", "scan-0003.jpg" })
        {
            using var form = new MultipartFormDataContent();
            var content = new ByteArrayContent(await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "Captures", file)));
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/jpeg");
            form.Add(content, "files", file);
            var uploaded = await clerk.PostAsync($"/api/cases/{Uri.EscapeDataString(caseId)}/scans", form);
            Assert.True(uploaded.IsSuccessStatusCode, await uploaded.Content.ReadAsStringAsync());
        }

        var (context, page) = await server.NewPageAsync();
        await using var _ = context;
        await page.GotoAsync($"/clerk.html?case={Uri.EscapeDataString(caseId)}");
        await page.Locator("#key-input").FillAsync(key);
        await page.Locator("#key-save").ClickAsync();
        var rows = page.Locator("#pages .page.review");
        await Expect(rows).ToHaveCountAsync(2, new() { Timeout = 30_000 });

        // The front: its number's box is drawn over the thumbnail, on the number's line (lower part of the card).
        var frontRow = rows.Filter(new() { HasText = "scan-0000.jpg" });
        await Expect(frontRow.Locator(".id-box")).ToHaveCountAsync(1);
        await Expect(frontRow.Locator("img.thumb")).ToHaveJSPropertyAsync("naturalWidth", 320);
        await server.ScreenshotAsync(page, "clerk-5-outline-expired");
        var box = await frontRow.Locator(".id-box").BoundingBoxAsync();
        var img = await frontRow.Locator("img.thumb").BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.NotNull(img);
        var where = $"{await frontRow.Locator(".id-box").GetAttributeAsync("style")}: box {box.X},{box.Y} {box.Width}x{box.Height} on img {img.X},{img.Y} {img.Width}x{img.Height}";
        Assert.True(box.X >= img.X && box.X + box.Width <= img.X + img.Width + 1, where);
        Assert.True(box.Y + box.Height / 2 >= img.Y + img.Height * 0.6 && box.Y + box.Height <= img.Y + img.Height + 1, where);
        Assert.True(box.Width > img.Width * 0.4, $"box {box.Width} px on a {img.Width} px thumbnail");
        Assert.Equal("身份证号 " + number[..6] + "********" + number[^4..], await frontRow.Locator(".id-box").GetAttributeAsync("title"));

        // The back: 有效期限 shown, flagged as expired, and an item of the checklist.
        var backRow = rows.Filter(new() { HasText = "scan-0003.jpg" });
        await Expect(backRow.Locator(".badge.expired")).ToHaveTextAsync("证件已过期");
        await Expect(backRow).ToContainTextAsync("2008.01.08-2013.01.08");
        await Expect(backRow.Locator(".warn")).ToContainTextAsync("居民身份证已过期");
        await Expect(page.Locator("#checklist li[data-code='id-expired']")).ToHaveClassAsync("bad");
        await server.ScreenshotAsync(page, "clerk-5-outline-expired");
    }

    [Fact]
    public async Task Clerk_opens_a_supplement_volume_of_a_sealed_case()
    {
        var key = server.NewKey(Role.Clerk, Township);
        var clerk = server.ClientWithKey(key);
        var caseId = await CreateCaseAsync(clerk, "杏花村");
        Assert.Equal(HttpStatusCode.OK, (await clerk.PostAsync($"/api/cases/{caseId}/seal", null)).StatusCode);
        var (context, page) = await server.NewPageAsync();
        await using var _ = context;
        await context.AddInitScriptAsync($"sessionStorage.setItem('formarchive.apiKey', {System.Text.Json.JsonSerializer.Serialize(key)});");

        await page.GotoAsync($"/clerk.html?case={Uri.EscapeDataString(caseId)}");
        await Expect(page.Locator("#drop")).ToHaveTextAsync("案件已封存，不能再上传。");
        await page.GetByRole(AriaRole.Button, new() { Name = "开立补充卷" }).ClickAsync();
        await Expect(page.Locator("#supplement-message")).ToContainTextAsync($"{caseId}-V2");
        await Expect(page.Locator("#case-summary")).ToContainTextAsync($"第 2 卷（{caseId} 的补充卷）");
        await Expect(page.Locator("#supplement-row")).ToBeHiddenAsync();
        await Expect(page.Locator("#drop")).Not.ToHaveAttributeAsync("disabled", "");
        await Expect(page.Locator("#drop")).ToContainTextAsync("拖到这里");
        Assert.Equal(1, await page.Locator("#drop #file-input").CountAsync());
        await Expect(page.Locator("#directory")).ToContainTextAsync("案件数据");
        await Expect(page.Locator("#pages-state")).ToHaveTextAsync("尚无扫描件");
        await server.ScreenshotAsync(page, "clerk-5-supplement");
    }

    [Fact]
    public async Task Clerk_creates_a_case_and_prints_a_form_into_it()
    {
        var key = server.NewKey(Role.Clerk, Township);
        var (context, page) = await server.NewPageAsync();
        await using var _ = context;
        await context.AddInitScriptAsync($"sessionStorage.setItem('formarchive.apiKey', {System.Text.Json.JsonSerializer.Serialize(key)});");
        await page.GotoAsync("/clerk.html");
        await page.GetByRole(AriaRole.Button, new() { Name = "新建案件" }).ClickAsync();
        await page.Locator("#new-name").FillAsync(CorpusName);
        await page.Locator("#new-id").FillAsync(CorpusIdNumber);
        await page.Locator("#new-village").FillAsync("杏花村");
        await page.Locator("#new-category").SelectOptionAsync("特困");
        await page.Locator("#new-members").FillAsync("孙小明 110105201001010010");
        await server.ScreenshotAsync(page, "clerk-0-new-case");
        await page.GetByRole(AriaRole.Button, new() { Name = "创建案件" }).ClickAsync();
        await Expect(page.Locator("#open-message")).ToContainTextAsync("已创建案件");
        await Expect(page.Locator("#case-summary")).ToContainTextAsync("特困");
        await Expect(page.Locator("#case-summary")).ToContainTextAsync("370202********7733");
        await Expect(page.Locator("#checklist")).ToContainTextAsync("孙小明");

        await page.Locator("#form-select").SelectOptionAsync("chizhou.review-form");
        var popup = await page.RunAndWaitForPopupAsync(() => page.Locator("#print-button").ClickAsync());
        await Expect(page.Locator("#print-message")).ToContainTextAsync("池州市低收入人口审核确认表");
        await Expect(page.Locator("#directory tbody tr")).ToHaveCountAsync(2);
        await Expect(page.Locator("#directory tbody tr").Last).ToContainTextAsync("池州市低收入人口审核确认表");
        await popup.CloseAsync();
        await server.ScreenshotAsync(page, "clerk-3-printed");
    }

    [Fact]
    public async Task Archivist_searches_opens_a_sealed_case_downloads_the_dossier_and_verifies()
    {
        var village = "青溪村" + Guid.NewGuid().ToString("N")[..6];
        var clerk = server.ClientWithKey(server.NewKey(Role.Clerk, Township));
        var caseId = await CreateCaseAsync(clerk, village);
        // A filed notice carries its 文号 into the 卷内目录.
        var notice = await clerk.PostAsync($"/api/cases/{caseId}/forms/chizhou.rejection-notice",
            new StringContent(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Samples", "notice-rejection.json")), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, notice.StatusCode);
        var seal = await clerk.PostAsync($"/api/cases/{caseId}/seal", null);
        Assert.Equal(HttpStatusCode.OK, seal.StatusCode);

        var key = server.NewKey(Role.Archivist);
        var (context, page) = await server.NewPageAsync();
        await using var _ = context;
        await context.AddInitScriptAsync($"sessionStorage.setItem('formarchive.apiKey', {System.Text.Json.JsonSerializer.Serialize(key)});");
        await page.GotoAsync("/archivist.html");
        await Expect(page.Locator("#key-dialog")).Not.ToBeVisibleAsync();

        await page.Locator("#q-village").FillAsync(village);
        await page.Locator("#q-status").SelectOptionAsync("sealed");
        await page.GetByRole(AriaRole.Button, new() { Name = "检索" }).ClickAsync();
        var row = page.Locator($"#results-table tr[data-case='{caseId}']");
        await Expect(row).ToContainTextAsync("370202********7733");
        await Expect(row).ToContainTextAsync("已封存");
        await server.ScreenshotAsync(page, "archivist-1-search");

        await Expect(page.Locator("#results-table thead th").First).ToHaveTextAsync("案件编号");   // the server's id; 案卷号 is the clerk's number
        await Expect(page.Locator("#results-table thead th").Nth(1)).ToHaveTextAsync("档号");      // then the 档号 the cover prints
        await Expect(row).ToContainTextAsync($"J012-3-{caseId}");
        // Every column, the 打开 button included, fits the page: nothing scrolled out of sight.
        Assert.True(await page.EvaluateAsync<bool>("() => { const r = document.getElementById('results'); return r.scrollWidth <= r.clientWidth; }"), "the results table is wider than the page");

        await row.GetByRole(AriaRole.Button, new() { Name = "打开" }).ClickAsync();
        await Expect(page.Locator("#case-summary div:has(> span:text-is('案件编号'))")).ToContainTextAsync(caseId);
        // The 档号 the cover prints: the township's fonds codes and, with no file number of the clerk's, the case id.
        await Expect(page.Locator("#case-summary div:has(> span:text-is('档号'))")).ToContainTextAsync($"J012-3-{caseId}");
        await Expect(page.Locator("#directory tbody tr")).ToHaveCountAsync(2);
        await Expect(page.Locator("#directory")).ToContainTextAsync("案件数据");
        // The 卷内目录's 文号 column, as the dossier prints it: the notice's number in its row, under its head.
        var heads = await page.Locator("#directory thead th").AllTextContentsAsync();
        var docNumberColumn = heads.ToList().IndexOf("文号");
        Assert.True(docNumberColumn >= 0, $"no 文号 column among {string.Join(" ", heads)}");
        await Expect(page.Locator("#directory tbody tr").Last.Locator("td").Nth(docNumberColumn)).ToHaveTextAsync("（2024年第 17 号）");
        await Expect(page.Locator("#directory tbody tr").First.Locator("td").Nth(docNumberColumn)).ToHaveTextAsync("");

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#dossier-button").ClickAsync());
        Assert.EndsWith(".pdf", download.SuggestedFilename);
        var path = Path.Combine(server.DataDirectory, "dossier-" + caseId + ".pdf");
        await download.SaveAsAsync(path);
        var bytes = await File.ReadAllBytesAsync(path);
        Assert.True(bytes.Length > 1000, $"dossier of {bytes.Length} bytes");
        Assert.Equal("%PDF-", Encoding.ASCII.GetString(bytes, 0, 5));

        var zip = await page.RunAndWaitForDownloadAsync(() => page.Locator("#export-button").ClickAsync());
        Assert.EndsWith(".zip", zip.SuggestedFilename);
        var zipPath = Path.Combine(server.DataDirectory, "export-" + caseId + ".zip");
        await zip.SaveAsAsync(zipPath);
        Assert.Equal("PK", Encoding.ASCII.GetString((await File.ReadAllBytesAsync(zipPath))[..2]));

        await page.Locator("#verify-button").ClickAsync();
        await Expect(page.Locator("#verify-state")).ToHaveTextAsync("全部通过");
        await Expect(page.Locator("#verify-result tbody tr").First).ToContainTextAsync("通过");
        await Expect(page.Locator("#verify-result tbody tr").First).ToContainTextAsync("2.2 电子档案元数据完整性检测：事件日志连续且哈希链完整");
        await Expect(page.Locator("#verify-result")).ToContainTextAsync("本地存储");
        await server.ScreenshotAsync(page, "archivist-2-verified");
    }

    [Fact]
    public async Task A_wrong_key_is_asked_for_again()
    {
        var (context, page) = await server.NewPageAsync();
        await using var _ = context;
        await context.AddInitScriptAsync("sessionStorage.setItem('formarchive.apiKey', 'fa_not-a-key');");
        await page.GotoAsync("/archivist.html");
        await page.GetByRole(AriaRole.Button, new() { Name = "检索" }).ClickAsync();
        await Expect(page.Locator("#key-dialog")).ToBeVisibleAsync();
        await Expect(page.Locator("#key-reason")).ToContainTextAsync("无效");
    }
}
