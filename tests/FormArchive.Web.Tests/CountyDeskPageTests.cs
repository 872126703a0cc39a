using System.Text.Json;
using System.Text.Json.Nodes;
using FormArchive.Archive.Access;
using FormArchive.Tests.Api;
using Microsoft.Playwright;
using UglyToad.PdfPig;
using static Microsoft.Playwright.Assertions;

namespace FormArchive.Web.Tests;

/// <summary>
/// The online approval on the desks, each person on their own page with their own key: the township's 经办人 records the
/// steps and submits, its 负责人 countersigns, the county's 经办人 reads the electronic file from the queue and decides,
/// the county's 负责人 countersigns, and the township tells the household and prints the decision. The counties are the
/// embedded ones (云阳县: 巴阳镇; 贵池区: 秋浦街道). The materials are uploaded as the scanner would (real OCR of the
/// corpus card) and the case data saved as the case-entry page saves it: the steps and decisions are all typed on the pages.
/// </summary>
public sealed class CountyDeskPageTests(WebServer server) : IClassFixture<WebServer>
{
    private const string Name = CaseApi.CorpusName, IdNumber = CaseApi.CorpusIdNumber, Masked = "370202********7733";

    /// <summary>The four people of one test: a township's 经办人 and 负责人, the county's 经办人 and 负责人.</summary>
    private sealed record People(string Clerk, string Head, string CountyClerk, string CountyHead);

    private People PeopleOf(string township, string county) => new(
        server.PersonKey("王五", township), server.PersonKey("周八", township, post: Post.Head),
        server.PersonKey("孙七", null, county), server.PersonKey("钱十", null, county, Post.Head));

    private async Task<(IBrowserContext Context, IPage Page)> DeskAsync(string key, string path, int width = 1366, int height = 768)
    {
        var (context, page) = await server.NewPageAsync();
        await context.AddInitScriptAsync($"sessionStorage.setItem('formarchive.apiKey', {JsonSerializer.Serialize(key)});");
        await page.SetViewportSizeAsync(width, height);
        await page.GotoAsync(path);
        return (context, page);
    }

    /// <summary>The people of a township and its county, and the township's 经办人 on the clerk desk (with their key for the uploads).</summary>
    private async Task<(People P, HttpClient ClerkApi, IBrowserContext Context, IPage Clerk)> TownshipDeskAsync(string township, string county)
    {
        var p = PeopleOf(township, county);
        var (context, page) = await DeskAsync(p.Clerk, "/clerk.html");
        return (p, server.ClientWithKey(p.Clerk), context, page);
    }

    /// <summary>The clerk opens a case on the desk (applicant only, one category) and reads its id from the address.</summary>
    private static async Task<string> CreateOnDeskAsync(IPage page, string category)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "新建案件" }).ClickAsync();
        await page.Locator("#new-name").FillAsync(Name);
        await page.Locator("#new-id").FillAsync(IdNumber);
        await page.Locator("#new-village").FillAsync("杏花村");
        await page.Locator("#new-category").SelectOptionAsync(category);
        await page.GetByRole(AriaRole.Button, new() { Name = "创建案件" }).ClickAsync();
        await Expect(page.Locator("#open-message")).ToContainTextAsync("已创建案件");
        return new Uri(page.Url).Query.Split('=')[1];
    }

    /// <summary>The case data as the case-entry page saves it: the household, and the forms' opinion and notice sections.</summary>
    private static async Task SaveCaseDataAsync(HttpClient clerk, string caseId, string township, string category)
    {
        var data = new JsonObject
        {
            ["applicant"] = new JsonObject { ["name"] = Name, ["id_number"] = IdNumber, ["sex"] = "男", ["hukou_address"] = $"{township}杏花村3组" },
            ["categories"] = new JsonArray(category),
            ["household_size"] = 1,
            ["township"] = township,
            ["village"] = "杏花村",
            ["economic_status"] = "年收入3600元（务农），无存款；慢性病长期服药，年医疗支出约8000元。",
            ["members"] = new JsonArray(new JsonObject
            {
                ["name"] = Name, ["id_number"] = IdNumber, ["relationship"] = "本人", ["health_status"] = "患病", ["occupation_status"] = "老年人",
                ["annual_income"] = 3600,
            }),
            ["town_opinion"] = new JsonObject { ["categories"] = new JsonArray(category), ["covered_persons"] = 1 },
            ["county_opinion"] = new JsonObject(),
            ["approval"] = new JsonObject { ["categories"] = new JsonArray(category) },
        };
        var saved = await clerk.PutAsync($"/api/cases/{caseId}/record", CaseApi.Json(data));
        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
    }

    /// <summary>Records a step on the clerk desk's form; <paramref name="expect"/> is what the desk then says.</summary>
    private static async Task StepAsync(IPage page, string kind, string date, string expect, string outcome = "", string staff = "", string printForm = "")
    {
        await page.Locator("#event-kind").SelectOptionAsync(kind);
        await page.Locator("#event-date").FillAsync(date);
        await page.Locator("#event-outcome").SelectOptionAsync(outcome);
        await page.Locator("#event-staff").FillAsync(staff);
        if (printForm.Length > 0) await page.Locator("#event-print-form").SelectOptionAsync(printForm);
        await page.GetByRole(AriaRole.Button, new() { Name = "记录" }).ClickAsync();
        await Expect(page.Locator("#progress-message")).ToContainTextAsync(expect);
    }

    /// <summary>
    /// 受理 → 核对授权 → 入户调查 → 初审意见 (printing the 入户调查表 with the 乡镇意见) → 公示, on the desk;
    /// <paramref name="accepted"/> looks at the case once it is accepted.
    /// </summary>
    private static async Task ThroughPublicityAsync(IPage page, Func<Task>? accepted = null)
    {
        await StepAsync(page, "accepted", "2024-03-04", "已记录");
        if (accepted is not null) await accepted();
        await StepAsync(page, "authorizationChecked", "2024-03-04", "已记录");
        await StepAsync(page, "homeVisited", "2024-03-05", "已记录", staff: "李四");
        await StepAsync(page, "preliminaryOpinion", "2024-03-06", "入户调查表", outcome: "approved", printForm: "chizhou.home-visit-survey");
        await StepAsync(page, "publicityStarted", "2024-03-07", "已记录");
    }

    private static string PdfText(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Concat(document.GetPages().SelectMany(p => p.Letters).Select(l => l.Value)).Replace(" ", "").Replace("\u3000", "");
    }

    [Fact]
    public async Task Yunyang_township_submits_on_its_desk_the_county_decides_on_its_page_and_the_township_prints_the_decision()
    {
        const string township = "巴阳镇";
        // The township's 经办人, on the clerk desk: who is signed in, a new case, its materials and data.
        var (p, clerkApi, clerkContext, clerk) = await TownshipDeskAsync(township, "云阳县");
        await using var _ = clerkContext;
        await Expect(clerk.Locator("#me")).ToContainTextAsync("王五（巴阳镇 经办人）");
        var caseId = await CreateOnDeskAsync(clerk, "低保");
        await ApprovalApi.UploadMaterialsAsync(clerkApi, caseId);
        await ApprovalApi.FileVerificationResultAsync(server.ClientWithKey(server.VerifierKey("云阳县")), caseId); // the 核对机构's, by its system
        await SaveCaseDataAsync(clerkApi, caseId, township, "低保");
        await clerk.ReloadAsync();
        // Yunyang's monthly batch: accepted by the 15th, the 初核 goes to the county by the 15th of the next month.
        await ThroughPublicityAsync(clerk, async () =>
        {
            await Expect(clerk.Locator("#progress-deadlines tr", new() { HasText = "初核（报送县民政局审批）" })).ToContainTextAsync("2024-04-15");
            await Expect(clerk.Locator("#progress-deadlines")).ToContainTextAsync("巴阳府发〔2021〕10号");
        });
        // Not without the 负责人's countersign (四眼原则), said in Chinese on the desk.
        await StepAsync(clerk, "submitted", "2024-03-15", "尚未经巴阳镇负责人审签");

        // The township's 负责人, on their own page and key.
        var (headContext, head) = await DeskAsync(p.Head, $"/clerk.html?case={caseId}");
        await using var __ = headContext;
        await Expect(head.Locator("#me")).ToContainTextAsync("周八（巴阳镇 负责人）");
        await Expect(head.Locator("#case-summary")).ToContainTextAsync(caseId);
        await StepAsync(head, "countersigned", "2024-03-15", "已记录");
        await Expect(head.Locator("#progress-timeline")).ToContainTextAsync("巴阳镇 负责人 周八");

        await StepAsync(clerk, "submitted", "2024-03-15", "已记录");
        await Expect(clerk.Locator("#county-state")).ToContainTextAsync("已报送县（区）民政局审批，电子档案冻结");
        await Expect(clerk.Locator("#event-form button[type=submit]")).ToBeDisabledAsync();
        await server.ScreenshotAsync(clerk, "county-1-township-submitted");

        // The county's 经办人: the queue, oldest deadline first, due within 3 working days marked on 3.21.
        var (countyContext, county) = await DeskAsync(p.CountyClerk, "/county.html");
        await using var ___ = countyContext;
        await Expect(county.Locator("#me")).ToContainTextAsync("孙七（云阳县民政局 经办人）");
        await Expect(county.Locator("#queue-title")).ToContainTextAsync("云阳县民政局");
        var row = county.Locator($"#queue-table tr[data-case='{caseId}']");
        await Expect(row).ToContainTextAsync("2024-03-25");
        await Expect(row).ToContainTextAsync("已逾期");
        await county.Locator("#q-date").FillAsync("2024-03-21");
        await county.Locator("#q-township").SelectOptionAsync(township);
        await county.Locator("#q-category").SelectOptionAsync("最低生活保障对象");
        await county.GetByRole(AriaRole.Button, new() { Name = "刷新" }).ClickAsync();
        await Expect(county.Locator("#queue-title")).ToContainTextAsync("2024-03-21");
        await Expect(row).ToContainTextAsync("3个工作日内到期");
        await Expect(row).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("due-soon"));
        await Expect(row).ToContainTextAsync("审核确认");

        // The case, read only: household and economy (ID numbers masked), scans with their members, checklist, opinions.
        await row.GetByRole(AriaRole.Button, new() { Name = "打开" }).ClickAsync();
        await Expect(county.Locator("#household")).ToContainTextAsync(Masked);
        await Expect(county.Locator("#household")).ToContainTextAsync("年医疗支出约8000元");
        await Expect(county.Locator("#pages")).ToContainTextAsync($"✔ {Name}");
        await Expect(county.Locator("#checklist-state")).ToHaveTextAsync("材料齐全");
        await Expect(county.Locator("#opinions")).ToContainTextAsync("巴阳镇 经办人 王五");
        await Expect(county.Locator("#opinions")).ToContainTextAsync("巴阳镇 负责人 周八");
        await Expect(county.Locator("#opinions")).ToContainTextAsync("2024-03-07 至");
        await Expect(county.Locator("#verification")).ToContainTextAsync("云阳县居民家庭经济状况核对中心");
        await Expect(county.Locator("#verification")).ToContainTextAsync("2024-03-05");
        await Expect(county.Locator("#timeline")).ToContainTextAsync("巴阳镇 经办人 王五（同行：李四）");
        Assert.DoesNotContain(IdNumber, await county.ContentAsync());
        var download = await county.RunAndWaitForDownloadAsync(() =>
            county.Locator("#directory tr", new() { HasText = "入户调查表" }).GetByRole(AriaRole.Button, new() { Name = "下载" }).ClickAsync());
        Assert.EndsWith(".pdf", download.SuggestedFilename);

        // 批准 with the amounts the 低保 forms print: the fields are the forms' own words; without them, refused in Chinese.
        var form = county.Locator("#decision-form");
        await Expect(form).ToContainTextAsync("人均补助金额（元/月）");
        await Expect(form).Not.ToContainTextAsync("供养形式");
        await county.Locator("#d-date").FillAsync("2024-03-18");
        await county.Locator("#decide").ClickAsync();
        await Expect(county.Locator("#decision-message")).ToContainTextAsync("批准须写明人均补助金额、家庭补助金额");
        await county.Locator("#term-coveredPersons").FillAsync("1");
        await county.Locator("#term-perCapitaMonthly").FillAsync("520");
        await county.Locator("#term-householdMonthly").FillAsync("520");
        await county.Locator("#term-fromMonth").FillAsync("2024年4月");
        await county.EvaluateAsync("window.scrollTo(0, 0)");
        await county.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(server.ScreenshotDirectory, "county-desk.png") });
        await server.ScreenshotAsync(county, "county-2-case-open");
        await county.Locator("#decide").ClickAsync();
        await Expect(county.Locator("#decision-message")).ToContainTextAsync("已记录审核确认（批准）");
        await Expect(county.Locator("#decision")).ToContainTextAsync("等待本局负责人审签");
        await Expect(row).ToContainTextAsync("负责人审签");

        // The county's 负责人 countersigns on the county page.
        var (countyHeadContext, countyHead) = await DeskAsync(p.CountyHead, $"/county.html?case={caseId}");
        await using var ____ = countyHeadContext;
        await Expect(countyHead.Locator("#countersign-panel")).ToContainTextAsync("云阳县民政局 经办人 孙七");
        await Expect(countyHead.Locator("#countersign-panel")).ToContainTextAsync("人均补助金额 520 元/月");
        await Expect(countyHead.Locator("#countersign-panel")).ToContainTextAsync("起始月份（从何月起执行） 2024年4月");
        await countyHead.Locator("#c-date").FillAsync("2024-03-19");
        await countyHead.GetByRole(AriaRole.Button, new() { Name = "审签" }).ClickAsync();
        await Expect(countyHead.Locator("#decision-message")).ToContainTextAsync("已审签");
        await Expect(countyHead.Locator("#decision")).ToContainTextAsync("不在县（区）民政局待审批状态");
        await Expect(countyHead.Locator($"#queue-table tr[data-case='{caseId}']")).ToHaveCountAsync(0);

        // Back with the township: it tells the household, printing the 审核确认告知书, and prints the 入户调查表 with both boxes.
        await clerk.ReloadAsync();
        await Expect(clerk.Locator("#case-summary")).ToContainTextAsync(caseId);
        await Expect(clerk.Locator("#county-state")).ToBeHiddenAsync();
        await Expect(clerk.Locator("#progress-timeline")).ToContainTextAsync("云阳县民政局 负责人 钱十");
        await StepAsync(clerk, "notified", "2024-03-19", "审核确认告知书", outcome: "approved", printForm: "chizhou.approval-notice");
        var (entryContext, entry) = await DeskAsync(p.Clerk, $"/case-entry.html?case={caseId}");
        await using var _____ = entryContext;
        await entry.Locator("#form-select").SelectOptionAsync("chizhou.home-visit-survey");
        await entry.Locator("#print-other").ClickAsync();
        await Expect(entry.Locator("#print-message")).ToContainTextAsync("已打印并归档");

        var directory = (await CaseApi.GetJsonAsync(clerkApi, $"/api/cases/{caseId}"))["directory"]!.AsArray();
        Task<byte[]> Newest(string title) => clerkApi.GetByteArrayAsync($"/api/cases/{caseId}/documents/" +
            (int)directory.Last(d => ((string)d!["title"]!).Contains(title, StringComparison.Ordinal))!["no"]!);
        var survey = PdfText(await Newest("入户调查表"));
        foreach (var signed in new[] { "王五", "周八", "孙七", "钱十", "2024年3月6日", "2024年3月18日", "从2024年4月起执行" })
            Assert.Contains(signed, survey);
        var notice = PdfText(await Newest("审核确认告知书"));
        Assert.Contains("云阳县民政局", notice);
        Assert.Contains("2024年3月18日", notice);
    }

    [Fact]
    public async Task Chizhou_a_rigid_expenditure_case_the_township_cannot_confirm_is_returned_once_and_confirmed_by_the_county()
    {
        const string township = "秋浦街道";
        var (p, clerkApi, clerkContext, clerk) = await TownshipDeskAsync(township, "贵池区");
        await using var _ = clerkContext;
        var caseId = await CreateOnDeskAsync(clerk, "刚性支出困难");
        await ApprovalApi.UploadMaterialsAsync(clerkApi, caseId, "id-front", "id-back", "bank");
        await ApprovalApi.FileVerificationResultAsync(server.ClientWithKey(server.VerifierKey("贵池区")), caseId);
        await SaveCaseDataAsync(clerkApi, caseId, township, "刚性支出困难");
        await clerk.ReloadAsync();
        await ThroughPublicityAsync(clerk);
        var (headContext, head) = await DeskAsync(p.Head, $"/clerk.html?case={caseId}");
        await using var __ = headContext;
        await StepAsync(head, "countersigned", "2024-03-15", "已记录");

        // 附件3: the county's 民政局 confirms 刚性支出困难家庭; the township's 审核确认 is refused, in Chinese.
        await StepAsync(clerk, "confirmed", "2024-03-15", "刚性支出困难家庭属县（区）民政局审核确认事项", outcome: "approved");
        // Submission needs the whole electronic file: what is missing is listed one a line.
        await StepAsync(clerk, "submitted", "2024-03-15", "电子档案不全");
        var missing = clerk.Locator("#progress-message ol.missing li");
        await Expect(missing.Filter(new() { HasText = "户口簿首页" })).ToHaveCountAsync(1);
        await Expect(missing.Filter(new() { HasText = "本人签字的申请书" })).ToHaveCountAsync(1);
        await server.ScreenshotAsync(clerk, "county-3-submission-refused");
        await ApprovalApi.UploadMaterialsAsync(clerkApi, caseId, "hukou-home", "hukou-member", "hardship", "application", "economic-check");
        await StepAsync(clerk, "submitted", "2024-03-15", "已记录");

        // The county returns it for 补正 first, then confirms the resubmitted file.
        var (countyContext, county) = await DeskAsync(p.CountyClerk, $"/county.html?case={caseId}");
        await using var ___ = countyContext;
        await Expect(county.Locator("#me")).ToContainTextAsync("贵池区民政局");
        await county.Locator("#decision-form input[value=return]").CheckAsync();
        await county.Locator("#d-supply").FillAsync("残疾证\n住院费用结算单");
        await county.Locator("#d-date").FillAsync("2024-03-18");
        await county.Locator("#decide").ClickAsync();
        await Expect(county.Locator("#decision-message")).ToContainTextAsync("已退回乡镇（街道）补正");

        await clerk.ReloadAsync();
        await Expect(clerk.Locator("#county-state")).ToContainTextAsync("县（区）民政局退回补正");
        await Expect(clerk.Locator("#county-state li")).ToHaveTextAsync(["残疾证", "住院费用结算单"]);
        await Expect(clerk.Locator($"#todo-returned-list .todo-item[data-case='{caseId}']")).ToContainTextAsync("残疾证、住院费用结算单");
        var notice = await clerk.RunAndWaitForDownloadAsync(() => clerk.Locator("#returned-notice").ClickAsync());
        var noticePath = Path.Combine(server.DataDirectory, "notice-" + caseId + ".pdf");
        await notice.SaveAsAsync(noticePath);
        Assert.Contains("住院费用结算单", PdfText(await File.ReadAllBytesAsync(noticePath)));
        await server.ScreenshotAsync(clerk, "county-4-returned");
        await StepAsync(clerk, "submitted", "2024-03-19", "已记录");

        await county.ReloadAsync();
        var form = county.Locator("#decision-form");
        await Expect(form).ToContainTextAsync("起始月份（从何月起执行）");
        await Expect(form).Not.ToContainTextAsync("人均补助金额");
        await county.Locator("#term-fromMonth").FillAsync("2024-04");
        await county.Locator("#d-date").FillAsync("2024-03-20");
        await county.Locator("#decide").ClickAsync();
        await Expect(county.Locator("#decision-message")).ToContainTextAsync("已记录审核确认（批准）");
        var (countyHeadContext, countyHead) = await DeskAsync(p.CountyHead, $"/county.html?case={caseId}", 390, 844);
        await using var ____ = countyHeadContext;
        await countyHead.Locator("#c-date").FillAsync("2024-03-20");
        await server.ScreenshotAsync(countyHead, "county-5-phone");
        await countyHead.GetByRole(AriaRole.Button, new() { Name = "审签" }).ClickAsync();
        await Expect(countyHead.Locator("#decision-message")).ToContainTextAsync("已审签");

        await clerk.ReloadAsync();
        await Expect(clerk.Locator("#progress-timeline")).ToContainTextAsync("贵池区民政局 经办人 孙七");
        await StepAsync(clerk, "notified", "2024-03-21", "已记录", outcome: "approved");
    }
}
