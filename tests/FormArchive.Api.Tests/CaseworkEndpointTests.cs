using System.Net;
using System.Text.Json.Nodes;
using FormArchive.Archive;
using FormArchive.Archive.Access;
using FormArchive.Archive.Cases;
using FormArchive.Archive.Storage;
using Microsoft.Extensions.DependencyInjection;
using static FormArchive.Tests.Api.CaseApi;

namespace FormArchive.Tests.Api;

/// <summary>
/// Stages over real HTTP on the real archive and catalog: events stored in the case's log, progress, the catalog's
/// stage and due date, the 待办 list and the 定期复核名单, with Chinese problems for what the procedure refuses.
/// Dates are on the shipped 2024 calendar, so every due date below is the official one. Local-disk store.
/// </summary>
public sealed class CaseworkEndpointTests(ApiServer server) : CaseworkEndpointSuite(server), IClassFixture<ApiServer>;

/// <summary>The same suite with the service filing into S3 (Ceph RGW).</summary>
[Collection(S3ApiCollection.Name)]
public sealed class CaseworkEndpointS3Tests(S3ApiServer server) : CaseworkEndpointSuite(server);

/// <summary>The stage endpoints, run on each store.</summary>
public abstract class CaseworkEndpointSuite(ApiServer server)
{
    /// <summary>A clerk of a township of its own, so that lists see only this test's cases.</summary>
    private (HttpClient Clerk, string Township) NewTownship()
    {
        var township = "测试镇" + Guid.NewGuid().ToString("N")[..6];
        return (server.ClientFor(Role.Clerk, township), township);
    }

    private static JsonObject Event(string kind, string at, string? outcome = null, string? reason = null, params string[] staff) => new()
    {
        ["kind"] = kind, ["at"] = at + "T10:00:00+08:00", ["outcome"] = outcome, ["reason"] = reason,
        ["staff"] = new JsonArray([.. staff.Select(s => (JsonNode)JsonValue.Create(s)!)]),
    };

    private static async Task<(HttpStatusCode Status, JsonNode Body)> PostEventAsync(HttpClient clerk, string caseId, JsonObject e)
    {
        var response = await clerk.PostAsync($"/api/cases/{caseId}/events", Json(e));
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }

    private static async Task RecordAsync(HttpClient clerk, string caseId, params JsonObject[] events)
    {
        foreach (var e in events)
        {
            var (status, body) = await PostEventAsync(clerk, caseId, e);
            Assert.True(status == HttpStatusCode.OK, body.ToJsonString());
        }
    }

    private static async Task<JsonArray> SearchAsync(HttpClient client, JsonObject q)
    {
        var response = await client.PostAsync("/api/cases/search", Json(q));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonNode.Parse(body)!.AsArray();
    }

    private CaseArchive Archive => server.App.Services.GetRequiredService<ArchiveHost>().Archive;

    [Fact]
    public async Task An_event_is_stored_in_the_case_log_and_sets_progress_and_the_catalogs_stage_and_due_date()
    {
        var (clerk, _) = NewTownship();
        var caseId = await CreateAsync(clerk);
        var (status, progress) = await PostEventAsync(clerk, caseId, Event("受理", "2024-02-07"));
        Assert.True(status == HttpStatusCode.OK, progress.ToJsonString());
        Assert.Equal("accepted", (string)progress["stage"]!);
        Assert.Equal("受理", (string)progress["stageLabel"]!);
        // The day of 受理 is not counted: 2.8, 2.9, 2.18 (调休), 2.19–2.22.
        var first = progress["deadlines"]!.AsArray().First(d => ((string)d!["what"]!).Contains("初审"))!;
        Assert.Equal("2024-02-22", (string)first["due"]!);
        Assert.Contains("池民社救〔2024〕56号", (string)first["basis"]!);

        // In the archive: one "stage" entry of the hash-chained log, after the opening event.
        var m = await Archive.GetManifestAsync(caseId);
        Assert.Equal("Accepted", Assert.Single(m.Stages).Kind);
        var keys = await Archive.Store.ListAsync(StoreArea.Journal, CaseKeys.Events(caseId));
        var last = ArchiveJson.Read<ArchiveEvent>((await Archive.Store.GetAsync(StoreArea.Journal, keys.Max(k => k.Key)!))!, "event");
        Assert.Equal(ArchiveEvent.Stage, last.Type);

        // The catalog: by stage (name or label) and by next due date (strictly before).
        Assert.Contains(await SearchAsync(clerk, new JsonObject { ["caseStage"] = "受理" }), e => (string)e!["caseId"]! == caseId);
        Assert.Contains(await SearchAsync(clerk, new JsonObject { ["caseStage"] = "accepted", ["dueBefore"] = "2024-02-23" }), e => (string)e!["caseId"]! == caseId);
        Assert.DoesNotContain(await SearchAsync(clerk, new JsonObject { ["dueBefore"] = "2024-02-22" }), e => (string)e!["caseId"]! == caseId);
        Assert.DoesNotContain(await SearchAsync(clerk, new JsonObject { ["caseStage"] = "公示" }), e => (string)e!["caseId"]! == caseId);
        var row = (await SearchAsync(clerk, new JsonObject { ["caseStage"] = "受理" })).Single(e => (string)e!["caseId"]! == caseId)!;
        Assert.Equal("2024-02-22", (string)row["nextDue"]!);

        // Moving on updates the catalog: after the home visit the case is under investigation.
        await RecordAsync(clerk, caseId, Event("核对授权", "2024-02-08"), Event("入户调查", "2024-02-09", staff: "李四"));
        Assert.Contains(await SearchAsync(clerk, new JsonObject { ["caseStage"] = "investigation" }), e => (string)e!["caseId"]! == caseId);
        var read = await GetJsonAsync(clerk, $"/api/cases/{caseId}/progress");
        Assert.Equal(3, read["timeline"]!.AsArray().Count);
        Assert.Equal("入户调查", (string)read["timeline"]![2]!["what"]!);
    }

    [Fact]
    public async Task The_archivist_s_dossier_prints_the_recorded_steps_before_the_record_note()
    {
        var (clerk, _) = NewTownship();
        var caseId = await CreateAsync(clerk);
        await RecordAsync(clerk, caseId, Event("受理", "2024-02-07"), Event("核对授权", "2024-02-08"), Event("入户调查", "2024-02-09", staff: "李四"));
        var response = await server.ClientFor(Role.Archivist).GetAsync($"/api/cases/{caseId}/dossier");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, System.Text.Encoding.UTF8.GetString(bytes));
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(bytes);
        Assert.True(pdf.TryGetBookmarks(out var bookmarks));
        var marks = bookmarks.GetNodes().Select(n => n.Title).ToList();
        Assert.Equal(["案卷封面", "卷内目录", "案卷办理过程", "卷内备考表"], marks.Where(t => !char.IsAsciiDigit(t[0])));
        var steps = string.Concat(pdf.GetPage(pdf.NumberOfPages - 1).Text.Where(c => !char.IsWhiteSpace(c)));
        Assert.StartsWith("案卷办理过程", steps);
        foreach (var what in new[] { "2024年2月7日", "受理", "核对授权", "2024年2月9日", "入户调查" }) Assert.Contains(what, steps);
        Assert.True(steps.IndexOf("受理", StringComparison.Ordinal) < steps.IndexOf("入户调查", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_step_the_procedure_forbids_is_a_Chinese_problem_and_nothing_is_stored()
    {
        var (clerk, _) = NewTownship();
        var caseId = await CreateAsync(clerk);
        await RecordAsync(clerk, caseId, Event("accepted", "2024-02-07"));
        var seq = (await Archive.GetManifestAsync(caseId)).Seq;

        var (status, problem) = await PostEventAsync(clerk, caseId, Event("初审意见", "2024-02-08", "批准"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal("办理环节不符合程序", (string)problem["title"]!);
        Assert.Contains("初审意见须在核对授权和入户调查之后", (string)problem["detail"]!);

        // One staff member is not a home visit.
        (status, problem) = await PostEventAsync(clerk, caseId, Event("入户调查", "2024-02-08"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains("2名以上", (string)problem["detail"]!);

        // Out of order, in the future, unknown kinds and outcomes.
        (status, problem) = await PostEventAsync(clerk, caseId, Event("核对授权", "2024-02-06"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains("按时间顺序", (string)problem["detail"]!);
        (status, problem) = await PostEventAsync(clerk, caseId, Event("核对授权", DateTime.UtcNow.AddDays(3).ToString("yyyy-MM-dd")));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains("晚于现在", (string)problem["detail"]!);
        (status, problem) = await PostEventAsync(clerk, caseId, Event("开会", "2024-02-08"));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("未知的办理环节", (string)problem["detail"]!);
        (status, problem) = await PostEventAsync(clerk, caseId, Event("3", "2024-02-08"));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        (status, problem) = await PostEventAsync(clerk, caseId, Event(new string('受', 100_000), "2024-02-08"));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.True(((string)problem["detail"]!).Length < 1000);
        (status, problem) = await PostEventAsync(clerk, caseId, Event("核对授权", "2024-02-08", outcome: "也许"));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("未知的结果", (string)problem["detail"]!);

        Assert.Equal(seq, (await Archive.GetManifestAsync(caseId)).Seq);
        // Archivists read progress but do not record steps; other townships do not see the case.
        Assert.Equal(HttpStatusCode.Forbidden, (await server.ClientFor(Role.Archivist).PostAsync($"/api/cases/{caseId}/events", Json(Event("核对授权", "2024-02-08")))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await NewTownship().Clerk.PostAsync($"/api/cases/{caseId}/events", Json(Event("核对授权", "2024-02-08")))).StatusCode);
        Assert.Equal(seq, (await Archive.GetManifestAsync(caseId)).Seq);
    }

    [Fact]
    public async Task A_sealed_case_refuses_new_steps_in_Chinese()
    {
        var (clerk, _) = NewTownship();
        var caseId = await CreateAsync(clerk);
        await RecordAsync(clerk, caseId, Event("受理", "2024-02-07"));
        Assert.Equal(HttpStatusCode.OK, (await clerk.PostAsync($"/api/cases/{caseId}/seal", null)).StatusCode);
        var (status, problem) = await PostEventAsync(clerk, caseId, Event("核对授权", "2024-02-08"));
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal("案件已封存", (string)problem["title"]!);
        Assert.Contains("补充卷", (string)problem["detail"]!);
        Assert.Single((await Archive.GetManifestAsync(caseId)).Stages);
        // The sealed case still shows where it stood.
        Assert.Equal("accepted", (string)(await GetJsonAsync(clerk, $"/api/cases/{caseId}/progress"))["stage"]!);
    }

    [Fact]
    public async Task A_stored_log_the_rules_refuse_is_an_error_on_read_not_a_silent_answer()
    {
        var (clerk, township) = NewTownship();
        var caseId = await CreateAsync(clerk);
        await RecordAsync(clerk, caseId, Event("受理", "2024-02-07"));
        // Another writer (an old tool) appends straight to the archive, past the rules: 公示 without 初审意见.
        await Archive.AppendStageAsync(caseId, _ => new StageRecord
        {
            Kind = "PublicityStarted", Actor = "旧系统", At = new DateTimeOffset(2024, 2, 8, 10, 0, 0, TimeSpan.FromHours(8)),
        }, "old tool");

        var response = await clerk.GetAsync($"/api/cases/{caseId}/progress");
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("存档的办理记录有误", (string)problem["title"]!);
        Assert.Contains("第 2 条", (string)problem["detail"]!);
        Assert.Equal(2, (int)problem["entry"]!);
        // Nothing more is recorded on top of it.
        var (status, _) = await PostEventAsync(clerk, caseId, Event("核对授权", "2024-02-09"));
        Assert.Equal(HttpStatusCode.Conflict, status);
        // The catalog marks it, and the 待办 list names it instead of leaving it out.
        Assert.Contains(await SearchAsync(clerk, new JsonObject { ["caseStage"] = "Invalid" }), e => (string)e!["caseId"]! == caseId);
        var todo = await GetJsonAsync(clerk, "/api/todo?date=2024-02-09");
        Assert.Contains(todo["problems"]!.AsArray(), p => ((string)p!).Contains(caseId));
        Assert.Equal(township, (string)todo["township"]!);
    }

    [Fact]
    public async Task The_todo_list_of_a_township_has_overdue_due_today_and_within_three_working_days()
    {
        var (clerk, township) = NewTownship();
        // 初审意见 is due 7 working days after 受理 (the 2024 Spring Festival in between).
        var overdue = await CreateAsync(clerk);   // 2.1 → due 2.9 (2.4 is a 调休 Sunday)
        var today = await CreateAsync(clerk);     // 2.7 → due 2.22
        var soon = await CreateAsync(clerk);      // 2.9 → due 2.26
        var later = await CreateAsync(clerk);     // 2.20 → due 2.29
        await RecordAsync(clerk, overdue, Event("受理", "2024-02-01"));
        await RecordAsync(clerk, today, Event("受理", "2024-02-07"));
        await RecordAsync(clerk, soon, Event("受理", "2024-02-09"));
        await RecordAsync(clerk, later, Event("受理", "2024-02-20"));

        var todo = await GetJsonAsync(clerk, "/api/todo?date=2024-02-22");
        Assert.Equal("2024-02-22", (string)todo["today"]!);
        JsonArray Bucket(string name) => todo[name]!.AsArray();
        Assert.Equal([overdue], Bucket("overdue").Where(i => ((string)i!["what"]!).Contains("初审")).Select(i => (string)i!["caseId"]!));
        Assert.Equal([today], Bucket("dueToday").Where(i => ((string)i!["what"]!).Contains("初审")).Select(i => (string)i!["caseId"]!));
        Assert.Equal([soon], Bucket("dueWithin3WorkingDays").Where(i => ((string)i!["what"]!).Contains("初审")).Select(i => (string)i!["caseId"]!));
        // 审核确认 of the case accepted on 2.1 is due 15 working days on, 2.27: within three working days of 2.22.
        Assert.Contains(Bucket("dueWithin3WorkingDays"), i => (string)i!["caseId"]! == overdue && ((string)i["what"]!).Contains("审核确认") && (string)i["due"]! == "2024-02-27");
        Assert.DoesNotContain(todo["items"]!.AsArray(), i => (string)i!["caseId"]! == later);
        Assert.Equal(CorpusName, (string)Bucket("dueToday")[0]!["applicantName"]!);
        Assert.Equal("2024-02-26", (string)Bucket("dueWithin3WorkingDays").First(i => (string)i!["caseId"]! == soon)!["due"]!);

        // A clerk sees their own township only; an archivist names one; bad days are refused in Chinese.
        var other = await clerk.GetAsync("/api/todo?township=" + Uri.EscapeDataString("梅龙镇"));
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        var archivist = server.ClientFor(Role.Archivist);
        Assert.Equal(HttpStatusCode.BadRequest, (await archivist.GetAsync("/api/todo")).StatusCode);
        var asArchivist = await GetJsonAsync(archivist, $"/api/todo?township={Uri.EscapeDataString(township)}&date=2024-02-22");
        Assert.Equal(todo["items"]!.ToJsonString(), asArchivist["items"]!.ToJsonString());
        var bad = await clerk.GetAsync("/api/todo?date=2024-13-01");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("不是 yyyy-MM-dd", await bad.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_monthly_review_list_has_households_due_for_review_in_that_month()
    {
        var (clerk, township) = NewTownship();
        var onRoll = await CreateAsync(clerk);
        var pending = await CreateAsync(clerk);
        await RecordAsync(clerk, onRoll,
            Event("受理", "2024-01-02"), Event("核对授权", "2024-01-03"), Event("入户调查", "2024-01-04", staff: "李四"),
            Event("初审意见", "2024-01-05", "批准"), Event("公示", "2024-01-08"));
        await RecordAsync(server.ClerkFor("周八", township, Post.Head), onRoll, Event("负责人审签", "2024-01-16")); // 四眼原则
        await RecordAsync(clerk, onRoll, Event("审核确认", "2024-01-16", "批准"));
        await RecordAsync(clerk, pending, Event("受理", "2024-01-02"));

        var list = await GetJsonAsync(clerk, "/api/review-list?month=2025-01");
        var entry = Assert.Single(list["entries"]!.AsArray())!;
        Assert.Equal(onRoll, (string)entry["caseId"]!);
        Assert.Equal("2024-01-16", (string)entry["lastChecked"]!);
        Assert.Equal("2025-01-16", (string)entry["due"]!);
        Assert.Empty((await GetJsonAsync(clerk, "/api/review-list?month=2024-12"))["entries"]!.AsArray());
        Assert.Equal(HttpStatusCode.BadRequest, (await clerk.GetAsync("/api/review-list?month=2025-1x")).StatusCode);

        // Sealing files the case away; the household stays on the roll and on the list, while its deadlines leave the 待办.
        await RecordAsync(clerk, pending, Event("核对授权", "2024-01-03"));
        Assert.Contains((await GetJsonAsync(clerk, "/api/todo?date=2024-01-10"))["items"]!.AsArray(), i => (string)i!["caseId"]! == pending);
        Assert.Equal(HttpStatusCode.OK, (await clerk.PostAsync($"/api/cases/{onRoll}/seal", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await clerk.PostAsync($"/api/cases/{pending}/seal", null)).StatusCode);
        Assert.Equal(onRoll, (string)Assert.Single((await GetJsonAsync(clerk, "/api/review-list?month=2025-01"))["entries"]!.AsArray())!["caseId"]!);
        Assert.DoesNotContain((await GetJsonAsync(clerk, "/api/todo?date=2024-01-10"))["items"]!.AsArray(), i => (string)i!["caseId"]! == pending);
    }

    [Fact]
    public async Task A_form_printed_into_the_case_takes_its_dates_from_the_recorded_stages()
    {
        var (clerk, _) = NewTownship();
        var caseId = await CreateAsync(clerk);
        await RecordAsync(clerk, caseId, Event("受理", "2024-02-07"), Event("核对授权", "2024-02-08"), Event("入户调查", "2024-02-09", staff: "李四"),
            Event("初审意见", "2024-02-18", "批准"), Event("公示", "2024-02-19"));
        JsonObject Notice(string? start) => new()
        {
            ["review_publicity"] = new JsonObject
            {
                ["unit"] = "秋浦街道办事处", ["start_date"] = start,
                ["families"] = new JsonArray(new JsonObject { ["applicant_name"] = CorpusName, ["village"] = "杏花村", ["household_size"] = 2, ["covered_size"] = 2, ["category"] = "低保", ["amount"] = 500 }),
            },
        };
        var documents = await DocumentCountAsync(clerk, caseId);
        // A start date that is not the recorded one is refused, and nothing is filed.
        var wrong = await clerk.PostAsync($"/api/cases/{caseId}/forms/chizhou.review-publicity", Json(Notice("2024-02-20")));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrong.StatusCode);
        Assert.Contains("与办理记录中“公示”的日期 2024-02-19 不一致", await wrong.Content.ReadAsStringAsync());
        Assert.Equal(documents, await DocumentCountAsync(clerk, caseId));

        var printed = await clerk.PostAsync($"/api/cases/{caseId}/forms/chizhou.review-publicity", Json(Notice(null)));
        Assert.True(printed.StatusCode == HttpStatusCode.Created, await printed.Content.ReadAsStringAsync());
        var no = (int)JsonNode.Parse(await printed.Content.ReadAsStringAsync())!["no"]!;
        var pdf = await (await clerk.GetAsync($"/api/cases/{caseId}/documents/{no}")).Content.ReadAsByteArrayAsync();
        using var doc = UglyToad.PdfPig.PdfDocument.Open(pdf);
        var text = string.Concat(doc.GetPages().Select(p => p.Text)).Replace(" ", "");
        // 公示 from the recorded day for 7 days, the first day counted: 2.19 to 2.25.
        Assert.Contains("2024年2月19日至2024年2月25日", text);
    }

    [Fact]
    public async Task Steps_and_lists_are_audited_by_step_name_without_staff_names_notes_or_id_numbers()
    {
        var (clerk, township) = NewTownship();
        var caseId = await CreateAsync(clerk);
        var visit = Event("入户调查", "2024-02-09", staff: "欧阳娜娜");
        visit["note"] = $"申请人 {CorpusName} 身份证 {CorpusIdNumber} 在家";
        await RecordAsync(clerk, caseId, Event("受理", "2024-02-07"), Event("核对授权", "2024-02-08"), visit);
        await GetJsonAsync(clerk, "/api/todo");
        await GetJsonAsync(clerk, "/api/review-list");

        var archivist = server.ClientFor(Role.Archivist);
        var entries = JsonNode.Parse(await archivist.GetStringAsync($"/api/audit?caseId={caseId}"))!.AsArray(); // newest first
        // The step and who signed it (unit, post, name of the key's holder), nothing the clerk typed.
        var signer = $"{township} 经办人 test Clerk {township}";
        Assert.Equal([$"入户调查, signed {signer}", $"核对授权, signed {signer}", $"受理, signed {signer}"],
            entries.Where(e => (string)e!["action"]! == "case.event").Select(e => (string)e!["detail"]!));
        var all = await archivist.GetStringAsync("/api/audit?limit=1000");
        Assert.Contains("todo.read", all);
        Assert.Contains("review-list.read", all);
        Assert.Contains(township, all);
        Assert.DoesNotContain("欧阳娜娜", all);
        Assert.DoesNotContain(CorpusIdNumber, all);
        Assert.DoesNotContain("在家", all);
        // The record itself keeps them: the timeline is the case's own.
        var timeline = (await GetJsonAsync(clerk, $"/api/cases/{caseId}/progress"))["timeline"]!.AsArray();
        Assert.Contains("欧阳娜娜", (string)timeline[2]!["actor"]!);
    }

    [Fact]
    public async Task The_stage_endpoints_are_named_and_secured_in_the_openapi_document()
    {
        var doc = JsonNode.Parse(await server.ClientWithKey(null).GetStringAsync("/openapi/v1.json"))!;
        var paths = doc["paths"]!.AsObject();
        foreach (var (path, method, id) in new[]
        {
            ("/api/cases/{caseId}/events", "post", "RecordCaseEvent"), ("/api/cases/{caseId}/progress", "get", "GetCaseProgress"),
            ("/api/todo", "get", "GetTodoList"), ("/api/review-list", "get", "GetReviewList"), ("/api/step-forms", "get", "ListStepForms"),
        })
        {
            var operation = paths[path]?[method];
            Assert.True(operation is not null, $"{method} {path} missing: {string.Join(", ", paths.Select(p => p.Key))}");
            Assert.Equal(id, (string)operation["operationId"]!);
            Assert.False(string.IsNullOrEmpty((string?)operation["summary"]));
            Assert.NotNull(operation["security"]);
        }
    }
}
