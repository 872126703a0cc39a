using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using FormArchive.Archive.Access;
using Microsoft.Playwright;
using UglyToad.PdfPig;
using static Microsoft.Playwright.Assertions;

namespace FormArchive.Web.Tests;

/// <summary>
/// The Yunyang 受理 on the case data page, no JSON typed: an ID card front and a 户口簿 card scanned into a case, their
/// persons confirmed as members, the economic situation entered, a validation error fixed on its field, the missing
/// field followed by its link, the 申请书 printed from the saved version and read back.
/// </summary>
public class CaseEntryPageTests(WebServer server) : IClassFixture<WebServer>
{
    private const string Township = "巴阳镇";

    private static JsonNode Truth(string file) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Captures", "truth.json")))!.AsArray().Single(t => (string)t!["file"]! == file)!;

    private static async Task<int> CasesOfAsync(HttpClient clerk, string idNumber)
    {
        var found = await clerk.PostAsync("/api/cases/search", new StringContent(new JsonObject { ["idNumber"] = idNumber }.ToJsonString(), Encoding.UTF8, "application/json"));
        return JsonNode.Parse(await found.Content.ReadAsStringAsync())!.AsArray().Count;
    }

    [Fact]
    public async Task Clerk_creates_the_case_by_scanning_cards_confirms_them_fixes_an_error_and_prints_the_application()
    {
        // Captures: scan-0000 is an ID card front (the applicant), scan-0008 a 常住人口登记卡 (relationship 妻).
        var card = Truth("scan-0000.jpg")["person"]!;
        var hukou = Truth("scan-0008.jpg")["person"]!;
        string name = (string)card["name"]!, number = (string)card["idNumber"]!;
        string spouse = (string)hukou["name"]!, spouseNumber = (string)hukou["idNumber"]!;
        var key = server.NewKey(Role.Clerk, Township);
        var clerk = server.ClientWithKey(key);

        var (context, page) = await server.NewPageAsync();
        await using var _ = context;
        await context.AddInitScriptAsync($"sessionStorage.setItem('formarchive.apiKey', {System.Text.Json.JsonSerializer.Serialize(key)});");
        var consoleErrors = new List<string>();
        // Errors of the entry page itself (the clerk desk has its own tests); the 400 and 422 this walk provokes are expected.
        page.Console += (_, m) =>
        {
            if (m.Type == "error" && m.Page?.Url.Contains("case-entry.html") == true && !m.Text.Contains("status of 400") && !m.Text.Contains("status of 422"))
                consoleErrors.Add($"{m.Text} at {m.Location}");
        };
        int casesBefore = await CasesOfAsync(clerk, number); // the other walk of this class may have opened one for the same person
        // 1. The clerk desk starts a new case from its scans: no case exists yet.
        await page.GotoAsync("/clerk.html");
        await page.GetByRole(AriaRole.Link, new() { Name = "扫描证件新建案件" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("case-entry\\.html$"));
        await Expect(page.Locator("#entry-form")).Not.ToBeVisibleAsync();
        await page.GetByLabel("申请人居民身份证（正面）").SetInputFilesAsync(Path.Combine(AppContext.BaseDirectory, "Captures", "scan-0000.jpg"));
        // The back of the applicant's card (scan-0003) shows a 有效期限 that ended in 2013.
        await page.GetByLabel("居民身份证（反面，可不传）").SetInputFilesAsync(Path.Combine(AppContext.BaseDirectory, "Captures", "scan-0003.jpg"));
        await page.GetByLabel("户口簿常住人口登记卡（可多张）").SetInputFilesAsync(Path.Combine(AppContext.BaseDirectory, "Captures", "scan-0008.jpg"));
        await server.ScreenshotAsync(page, "entry-1-scans-chosen");
        await page.GetByRole(AriaRole.Button, new() { Name = "识别证件" }).ClickAsync();

        // The applicant and both persons are prefilled from what OCR read, each marked until confirmed.
        var rows = page.Locator("#table-members tbody tr");
        await Expect(rows).ToHaveCountAsync(2, new() { Timeout = 120_000 });
        await Expect(page.Locator("#intake-message")).ToContainTextAsync("识别出 2 人");
        var applicantBox = page.Locator("fieldset[data-path-container='$.applicant']");
        await Expect(applicantBox).ToHaveClassAsync("from-ocr");
        await Expect(applicantBox.GetByRole(AriaRole.Button, new() { Name = "确认" })).ToBeFocusedAsync();
        await Expect(page.Locator("[data-path='$.applicant.name']")).ToHaveValueAsync(name);
        await Expect(page.Locator("[data-path='$.applicant.id_number']")).ToHaveValueAsync(number);
        await Expect(page.Locator("[data-path='$.applicant.hukou_address']")).ToHaveValueAsync((string)card["address"]!);
        await Expect(rows.Nth(0)).ToHaveClassAsync("from-ocr");
        await Expect(rows.Nth(0).Locator(".badge.ocr")).ToHaveTextAsync("OCR 识别，待确认");
        await Expect(page.Locator("[data-path='$.members[0].name']")).ToHaveValueAsync(name);
        await Expect(page.Locator("[data-path='$.members[0].sex']")).ToHaveValueAsync((string)card["sex"]!);
        await Expect(page.Locator("[data-path='$.members[0].birth_date']")).ToHaveValueAsync((string)card["birthDate"]!);
        await Expect(page.Locator("[data-path='$.members[0].relationship']")).ToHaveValueAsync("本人");
        await Expect(page.Locator("[data-path='$.members[1].name']")).ToHaveValueAsync(spouse);
        await Expect(page.Locator("[data-path='$.members[1].id_number']")).ToHaveValueAsync(spouseNumber);
        await Expect(rows.Nth(1)).ToHaveClassAsync("from-ocr");
        // The expired card flags its holder's row, not only the case.
        await Expect(rows.Nth(0).Locator(".badge.flag")).ToContainTextAsync("身份证已过期");
        await Expect(rows.Nth(1).Locator(".badge.flag")).ToHaveCountAsync(0);
        await server.ScreenshotAsync(page, "entry-2-prefilled");
        // Labels come from the schema; there is no JSON on the way.
        await Expect(page.Locator("legend").Filter(new() { HasText = "共同生活家庭成员" })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("家庭经济状况", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(page.Locator("#json-view")).Not.ToBeVisibleAsync();

        // Nothing unconfirmed opens a case: the first mark to confirm gets the focus.
        await page.Locator("[data-path='$.village']").FillAsync("桂花村");
        await page.Locator("[data-path='$.categories']").FillAsync("低保");
        await page.Locator("#create-button").ClickAsync();
        await Expect(page.Locator("#message")).ToContainTextAsync("还有 3 处识别结果未确认");
        await Expect(applicantBox.GetByRole(AriaRole.Button, new() { Name = "确认" })).ToBeFocusedAsync();
        Assert.Equal(casesBefore, await CasesOfAsync(clerk, number));

        // 与户主关系 (妻 on the card) is not 与申请人关系: the clerk states it.
        await page.Locator("[data-path='$.members[1].relationship']").FillAsync("配偶");
        // A wrong number typed over the card's is flagged; put back, the flag goes.
        var spouseId = page.Locator("[data-path='$.members[1].id_number']");
        await spouseId.FillAsync("110105201001010010");
        await spouseId.PressAsync("Tab");
        await Expect(rows.Nth(1).Locator(".badge.flag")).ToContainTextAsync("身份证号与扫描的证件");
        await server.ScreenshotAsync(page, "entry-3-flagged");
        await spouseId.FillAsync(spouseNumber);
        await spouseId.PressAsync("Tab");
        await Expect(rows.Nth(1).Locator(".badge.flag")).ToHaveCountAsync(0);

        // Editing a value read by OCR is the clerk's own reading: that row is no longer marked. The others are confirmed by keyboard.
        await Expect(rows.Nth(1)).Not.ToHaveClassAsync("from-ocr");
        await applicantBox.GetByRole(AriaRole.Button, new() { Name = "确认" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(applicantBox).Not.ToHaveClassAsync("from-ocr");
        await Expect(page.Locator("[data-path='$.applicant.name']")).ToBeFocusedAsync();
        await rows.Nth(0).GetByRole(AriaRole.Button, new() { Name = "确认" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#entry-form .from-ocr")).ToHaveCountAsync(0);

        // Confirmed: the case is opened, the scans filed into it, the data saved as its first version.
        await page.Locator("#create-button").ClickAsync();
        await Expect(page.Locator("#message")).ToContainTextAsync("案件数据已保存为第 1 版", new() { Timeout = 120_000 });
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("case-entry\\.html\\?case="));
        var caseId = new Uri(page.Url).Query.Split('=')[1];
        await Expect(page.Locator("#record-state")).ToContainTextAsync("当前为第 1 版");
        await Expect(page.Locator("#scanned-persons .person")).ToHaveCountAsync(2);
        await Expect(rows.Nth(0).Locator(".badge.flag")).ToContainTextAsync(new System.Text.RegularExpressions.Regex("身份证已过期（有效期限 [^）]*2013"));
        await Expect(page.Locator("#expired-cards")).ToContainTextAsync($"scan-0003.jpg：{name}的居民身份证已过期");
        await Expect(page.Locator("[data-path='$.members[1].relationship']")).ToHaveValueAsync("配偶");
        await server.ScreenshotAsync(page, "entry-4-created");
        var opened = JsonNode.Parse(await clerk.GetStringAsync($"/api/cases/{caseId}"))!;
        Assert.Equal(name, (string)opened["applicantName"]!);
        var titles = opened["directory"]!.AsArray().Select(d => (string)d!["title"]!).ToList();
        Assert.Contains(titles, t => t.Contains("居民身份证"));
        Assert.Contains(titles, t => t.Contains("户口簿"));
        Assert.Contains("案件数据（第 1 版）", titles);
        var first = JsonNode.Parse(await clerk.GetStringAsync($"/api/cases/{caseId}/record"))!["data"]!;
        Assert.Equal(Township, (string)first["township"]!);
        Assert.Equal(spouseNumber, (string)first["members"]![1]!["id_number"]!);
        Assert.DoesNotContain("from_ocr", first.ToJsonString());

        // 2. The economic situation, and an income in 厘 (more than two decimals).
        await page.GetByLabel("家庭经济状况", new() { Exact = true }).FillAsync("家中无存款，无机动车，年收入约四千八百元");
        await page.Locator("[data-path='$.members[0].occupation_status']").FillAsync("灵活就业人员");
        await page.Locator("[data-path='$.members[0].health_status']").FillAsync("患病");
        var income = page.Locator("[data-path='$.members[0].annual_income']");
        await income.FillAsync("4800.125");
        await page.Locator("#save-button").ClickAsync();

        // 3. The server's error is shown on the field, which gets the focus.
        await Expect(income).ToHaveAttributeAsync("aria-invalid", "true");
        var incomeError = page.Locator("#" + await income.GetAttributeAsync("aria-describedby"));
        await Expect(incomeError).ToContainTextAsync("分");
        await Expect(income).ToBeFocusedAsync();
        await Expect(page.Locator("#error-summary")).ToContainTextAsync("第 1 行 · 年收入（元）");
        await server.ScreenshotAsync(page, "entry-5-error");
        await income.FillAsync("4800");
        await page.Locator("#save-button").ClickAsync();
        await Expect(page.Locator("#message")).ToContainTextAsync("已保存为第 2 版");
        await Expect(incomeError).ToBeEmptyAsync();

        // 4. Printing asks for what the 申请书 still lacks; the link leads to the field.
        await page.Locator("#print-button").ClickAsync();
        await Expect(page.Locator("#missing-list")).ToContainTextAsync("申请理由（致困原因）");
        await server.ScreenshotAsync(page, "entry-6-missing");
        await page.Locator("#missing-list a", new() { HasText = "申请理由（致困原因）" }).ClickAsync();
        var reason = page.GetByLabel("申请理由 / 致困原因", new() { Exact = true });
        await Expect(reason).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("丈夫患慢性病，妻子照料，无固定收入");

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#print-button").ClickAsync());
        await Expect(page.Locator("#print-message")).ToContainTextAsync("据案件数据第 3 版");
        var pdfPath = Path.Combine(server.ScreenshotDirectory, "entry-7-application.pdf"); // kept beside the screenshots to look at
        await download.SaveAsAsync(pdfPath);
        await server.ScreenshotAsync(page, "entry-7-application-printed");

        // 5. The printed 申请书 carries what was entered and read.
        using (var pdf = PdfDocument.Open(pdfPath))
        {
            var text = string.Concat(pdf.GetPages().Select(p => p.Text)).Replace(" ", "");
            foreach (var expected in new[] { name, spouse, "家中无存款，无机动车，年收入约四千八百元", "丈夫患慢性病", "4,800.00", "桂花村", "配偶" })
                Assert.Contains(expected, text);
        }

        // The 审核确认表 from the same data, chosen among the other forms: it asks for each member's 职业状况 and 健康状况,
        // which the spouse lacks; each missing cell is a link to that cell.
        await page.Locator("#form-select").SelectOptionAsync("chizhou.review-form");
        await page.Locator("#print-other").ClickAsync();
        var missing = page.Locator("#missing-list a");
        await Expect(missing).ToHaveTextAsync(["家庭成员职业状况（第 2 行）", "家庭成员健康状况（第 2 行）"]);
        await Expect(page.Locator("#print-message")).ToContainTextAsync("打印池州市低收入人口审核确认表前还需填写 2 项");
        await Expect(missing.First).ToBeFocusedAsync();
        await server.ScreenshotAsync(page, "entry-8-review-missing");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("[data-path='$.members[1].occupation_status']")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("其他人员");
        await missing.Nth(1).ClickAsync();
        await Expect(page.Locator("[data-path='$.members[1].health_status']")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("一般");
        var reviewDownload = await page.RunAndWaitForDownloadAsync(() => page.Locator("#print-other").ClickAsync());
        await Expect(page.Locator("#print-message")).ToContainTextAsync("审核确认表（据案件数据第 4 版）");
        var reviewPath = Path.Combine(server.ScreenshotDirectory, "entry-8-review-form.pdf");
        await reviewDownload.SaveAsAsync(reviewPath);
        using (var pdf = PdfDocument.Open(reviewPath))
        {
            var text = string.Concat(pdf.GetPages().Select(p => p.Text)).Replace(" ", "");
            foreach (var expected in new[] { name, spouse, "配偶", "患病", "灵活就业人员", "其他人员", "一般", "4,800.00", "家中无存款，无机动车，年收入约四千八百元" })
                Assert.Contains(expected, text);
        }

        // The versions, and what changed from the first to the second.
        await Expect(page.Locator("#versions tbody tr")).ToHaveCountAsync(4);
        await page.GetByRole(AriaRole.Button, new() { Name = "与第 2 版比较" }).ClickAsync();
        await Expect(page.Locator("#changes")).ToContainTextAsync("申请理由");
        await Expect(page.Locator("#changes")).ToContainTextAsync("丈夫患慢性病");
        await server.ScreenshotAsync(page, "entry-9-versions");
        var directory = await clerk.GetStringAsync($"/api/cases/{Uri.EscapeDataString(caseId)}");
        Assert.Contains("案件数据（第 4 版）", directory);
        Assert.Contains("云阳县低保和临时救助申请书（据案件数据第 3 版）", directory);
        Assert.Contains("审核确认表（据案件数据第 4 版）", directory);
        Assert.Empty(consoleErrors);
    }

    [Fact]
    public async Task A_new_case_the_server_refuses_shows_each_error_on_its_field_and_opens_nothing()
    {
        var hukou = Truth("scan-0008.jpg")["person"]!;
        var key = server.NewKey(Role.Clerk, Township);
        var clerk = server.ClientWithKey(key);
        var (context, page) = await server.NewPageAsync();
        await using var _ = context;
        await context.AddInitScriptAsync($"sessionStorage.setItem('formarchive.apiKey', {System.Text.Json.JsonSerializer.Serialize(key)});");
        // At tablet width, by keyboard: only a 户口簿 card, so its person is the applicant.
        await page.SetViewportSizeAsync(820, 1180);
        await page.GotoAsync("/case-entry.html");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"));
        await page.GetByRole(AriaRole.Button, new() { Name = "识别证件" }).ClickAsync();
        await Expect(page.Locator("#intake-message")).ToContainTextAsync("请先选择");
        await Expect(page.GetByLabel("申请人居民身份证（正面）")).ToBeFocusedAsync();
        await page.GetByLabel("户口簿常住人口登记卡（可多张）").SetInputFilesAsync(Path.Combine(AppContext.BaseDirectory, "Captures", "scan-0008.jpg"));
        await page.GetByRole(AriaRole.Button, new() { Name = "识别证件" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("[data-path='$.applicant.name']")).ToHaveValueAsync((string)hukou["name"]!, new() { Timeout = 120_000 });
        int before = await CasesOfAsync(clerk, (string)hukou["idNumber"]!);

        // Confirmed without a category (asked on the page), then with mistyped numbers (check digit): the server's errors land on their fields.
        for (int i = 0; i < 2; i++)
        {
            await page.Locator("#entry-form button.confirm").First.FocusAsync();
            await page.Keyboard.PressAsync("Enter");
        }
        await Expect(page.Locator("#entry-form button.confirm")).ToHaveCountAsync(0);
        var applicantId = page.Locator("[data-path='$.applicant.id_number']");
        await applicantId.FillAsync("440304195203146569");
        await page.Locator("[data-path='$.members[0].id_number']").FillAsync("440304195203146569");
        // The whole number is flagged against the card read as soon as it is typed (the row grows before the button is pressed).
        await Expect(page.Locator("#table-members tbody tr").First.Locator(".badge.flag")).ToContainTextAsync("身份证号与扫描的证件");
        await page.Locator("#create-button").ClickAsync();
        await Expect(page.Locator("#error-summary")).ToContainTextAsync("请填写申请的保障类别");
        await Expect(page.Locator("[data-path='$.categories']")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("低保");
        await page.Locator("#create-button").ClickAsync();
        await Expect(applicantId).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator("[data-path='$.members[0].id_number']")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator("#error-summary")).ToContainTextAsync("申请人 · 身份证号码：身份证号码校验码错误");
        await Expect(page.Locator("#error-summary")).ToContainTextAsync("共同生活家庭成员 · 第 1 行 · 身份证号码");
        await Expect(applicantId).ToBeFocusedAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("case-entry\\.html$"));
        Assert.Equal(before, await CasesOfAsync(clerk, (string)hukou["idNumber"]!));
        await server.ScreenshotAsync(page, "entry-intake-refused");
    }

    [Fact]
    public async Task A_household_of_fifteen_stays_usable_at_tablet_width_by_keyboard()
    {
        var key = server.NewKey(Role.Clerk, Township);
        var clerk = server.ClientWithKey(key);
        var created = await clerk.PostAsync("/api/cases", new StringContent(new JsonObject
        {
            ["applicant"] = new JsonObject { ["name"] = "王俊", ["idNumber"] = "341723197112182931" }, ["village"] = "桂花村", ["categories"] = new JsonArray("低保"),
            ["members"] = new JsonArray(),
        }.ToJsonString(), Encoding.UTF8, "application/json"));
        var caseId = (string)JsonNode.Parse(await created.Content.ReadAsStringAsync())!["caseId"]!;
        var members = new JsonArray(Enumerable.Range(1, 15).Select(i => (JsonNode?)new JsonObject { ["name"] = $"成员{i}", ["relationship"] = i == 1 ? "本人" : "子女" }).ToArray());
        var saved = await clerk.PutAsync($"/api/cases/{caseId}/record", new StringContent(new JsonObject { ["members"] = members }.ToJsonString(), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
        var accepted = await clerk.PostAsync($"/api/cases/{caseId}/events", new StringContent("""{"kind":"受理"}""", Encoding.UTF8, "application/json"));
        Assert.True(accepted.IsSuccessStatusCode, await accepted.Content.ReadAsStringAsync());

        var (context, page) = await server.NewPageAsync();
        await using var _ = context;
        await context.AddInitScriptAsync($"sessionStorage.setItem('formarchive.apiKey', {System.Text.Json.JsonSerializer.Serialize(key)});");
        await page.SetViewportSizeAsync(820, 1180);
        await page.GotoAsync($"/case-entry.html?case={Uri.EscapeDataString(caseId)}");
        var rows = page.Locator("#table-members tbody tr");
        await Expect(rows).ToHaveCountAsync(15);
        await Expect(page.Locator("#table-members legend")).ToHaveTextAsync("共同生活家庭成员（15 人）");
        // The wide table scrolls inside its frame; the page itself does not run off the tablet's screen.
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
            $"page {await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")} px wide at 820");
        await server.ScreenshotAsync(page, "entry-10-tablet-15");

        // By keyboard: remove the last row, then add one and type its name.
        await rows.Nth(14).GetByRole(AriaRole.Button, new() { Name = "删除第 15 行" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(rows).ToHaveCountAsync(14);
        await Expect(page.Locator("#table-members button.add")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(rows).ToHaveCountAsync(15);
        await Expect(page.Locator("[data-path='$.members[14].name']")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("新成员");
        await page.Locator("#save-button").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#message")).ToContainTextAsync("已保存为第 2 版");
        // Each version shows the stage the case was at when it was saved: the first before 受理, the second after.
        var versions = page.Locator("#versions tbody tr");
        await Expect(versions.Nth(0)).ToContainTextAsync("（尚未受理）");
        await Expect(versions.Nth(1)).ToContainTextAsync("受理");
        await Expect(versions.Nth(1)).Not.ToContainTextAsync("尚未");
        await server.ScreenshotAsync(page, "entry-11-tablet-versions");
        var record = JsonNode.Parse(await clerk.GetStringAsync($"/api/cases/{caseId}/record"))!;
        Assert.Equal("新成员", (string)record["data"]!["members"]![14]!["name"]!);
        Assert.Equal("成员14", (string)record["data"]!["members"]![13]!["name"]!);
    }
}
