using FormArchive.Archive.Cases;
using FormArchive.Tests.Integrity;

namespace FormArchive.Tests.Cli;

/// <summary>
/// <c>formarchive case event / case progress / todo / review-list / search --case-stage</c> in child processes on a real
/// archive, through Casework as the service goes: one line and a non-zero exit for what the procedure refuses.
/// </summary>
public sealed class CaseworkCliTests : IDisposable
{
    private const string Township = "测试镇";
    private readonly ArchiveProcess _archive = new(null);

    public void Dispose()
    {
        try { Directory.Delete(_archive.DataDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private async Task<string> OpenCaseAsync()
    {
        var id = "CW-" + Guid.NewGuid().ToString("N")[..10];
        using var host = await _archive.OpenAsync();
        await host.Archive.OpenCaseAsync(new CaseMetadata
        {
            CaseId = id, Title = "办理环节测试", ApplicantName = "孙明红", IdNumber = "370202194004297733", Township = Township,
            Village = "杏花村社区", Category = "低保", Status = "受理", Agency = "测试镇人民政府",
        }, "clerk");
        return id;
    }

    private static string[] Lines(string output) => output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    [Fact]
    public async Task Steps_are_recorded_checked_and_listed_through_the_command_line()
    {
        var id = await OpenCaseAsync();
        var (code, output) = await _archive.RunAsync(null, "case", "event", id, "--kind", "受理", "--date", "2024-02-07", "--clerk", "王五");
        Assert.True(code == 0, output);
        Assert.Contains("初审意见 2024-02-22", output);

        // Refused by the procedure: exit 1, one line, in Chinese; nothing stored.
        (code, output) = await _archive.RunAsync(null, "case", "event", id, "--kind", "初审意见", "--outcome", "批准", "--date", "2024-02-08", "--clerk", "王五");
        Assert.Equal(1, code);
        var line = Assert.Single(Lines(output));
        Assert.Contains("初审意见须在核对授权和入户调查之后", line);
        // Bad input: exit 2, one line.
        (code, output) = await _archive.RunAsync(null, "case", "event", id, "--kind", "开会", "--clerk", "王五");
        Assert.Equal(2, code);
        Assert.Contains("未知的办理环节", Assert.Single(Lines(output)));
        (code, output) = await _archive.RunAsync(null, "case", "event", id, "--kind", "核对授权", "--date", "2024-02-30", "--clerk", "王五");
        Assert.Equal(2, code);
        Assert.Single(Lines(output));

        (code, output) = await _archive.RunAsync(null, "case", "event", id, "--kind", "入户调查", "--date", "2024-02-09", "--actor", "张三", "--staff", "李四", "--clerk", "王五");
        Assert.True(code == 0, output);
        (code, output) = await _archive.RunAsync(null, "case", "progress", id);
        Assert.True(code == 0, output);
        Assert.Contains("阶段：核对授权/入户调查", output);
        Assert.Contains("2024-02-22  初审意见", output);
        Assert.Contains("入户调查  张三、李四", output);

        (code, output) = await _archive.RunAsync(null, "todo", "--township", Township, "--date", "2024-02-22");
        Assert.True(code == 0, output);
        Assert.Contains("今日到期：1 项", output);
        Assert.Contains($"2024-02-22  初审意见  {id}", output);
        (code, output) = await _archive.RunAsync(null, "search", "--case-stage", "investigation", "--due-before", "2024-02-23");
        Assert.True(code == 0, output);
        Assert.Contains(id, output);
        (code, output) = await _archive.RunAsync(null, "search", "--case-stage", "公示");
        Assert.DoesNotContain(id, output);
        (code, output) = await _archive.RunAsync(null, "review-list", "--township", Township, "--month", "2025-13");
        Assert.Equal(2, code);
        Assert.Single(Lines(output));

        // Sealed: refused in Chinese, exit 1.
        (code, output) = await _archive.RunAsync(null, "seal", id, "--clerk", "王五");
        Assert.True(code == 0, output);
        (code, output) = await _archive.RunAsync(null, "case", "event", id, "--kind", "核对授权", "--date", "2024-02-10", "--clerk", "王五");
        Assert.Equal(1, code);
        Assert.Contains("已封存", Assert.Single(Lines(output)));
        using var host = await _archive.OpenAsync();
        Assert.Equal(["Accepted", "HomeVisited"], (await host.Archive.GetManifestAsync(id)).Stages.Select(s => s.Kind));
    }

    [Fact]
    public async Task A_case_is_opened_from_an_application_file_and_a_step_names_the_document_filed_for_it()
    {
        var file = Path.Combine(_archive.DataDirectory, "application.json");
        Directory.CreateDirectory(_archive.DataDirectory);
        await File.WriteAllTextAsync(file, """
            { "fileNumber": "CLI-1", "applicant": { "name": "孙明红", "idNumber": "370202194004297733" }, "categories": ["低保边缘", "特困"],
              "members": [{ "name": "孙明红", "idNumber": "370202194004297733" }] }
            """);
        var (code, output) = await _archive.RunAsync(null, "case", "open", file, "--township", Township, "--clerk", "王五");
        Assert.True(code == 0, output);
        var id = Assert.Single(Lines(output));
        using (var host = await _archive.OpenAsync())
        {
            var m = await host.Archive.GetManifestAsync(id);
            Assert.Equal((Township, "低保边缘", "CLI-1", 1L), (m.Metadata.Township, m.Metadata.Category, m.Metadata.FileNumber, m.Seq));
        }

        // The same file number again, and an application with faults: one line each, nothing opened.
        (code, output) = await _archive.RunAsync(null, "case", "open", file, "--township", Township, "--clerk", "王五");
        Assert.Equal(1, code);
        Assert.Contains($"本单位案卷号“CLI-1”已由{Township}的案件 {id} 使用", Assert.Single(Lines(output)));
        await File.WriteAllTextAsync(file, """{ "applicant": { "name": "孙明红", "idNumber": "370202194004297734" }, "categories": [] }""");
        (code, output) = await _archive.RunAsync(null, "case", "open", file, "--township", Township, "--clerk", "王五");
        Assert.Equal(2, code);
        var line = Assert.Single(Lines(output));
        Assert.Contains("$.applicant.idNumber", line);
        Assert.Contains("$.categories", line);

        (code, output) = await _archive.RunAsync(null, "case", "event", id, "--kind", "受理", "--date", "2024-02-07", "--document", "1", "--clerk", "王五");
        Assert.True(code == 0, output);
        (code, output) = await _archive.RunAsync(null, "case", "progress", id);
        Assert.True(code == 0, output);
        Assert.Contains($"受理  王五  附件：{id} 第 1 件", output);
        // Every category's deadlines: 特困 and 低保边缘 alike follow 池州's 审核确认 within 15 working days.
        Assert.Contains("低保边缘家庭", (await _archive.RunAsync(null, "case", "progress", id, "--json")).Output);
    }

    [Fact]
    public async Task A_step_prints_files_and_names_its_form_and_a_form_the_step_may_not_print_is_one_line()
    {
        var id = await OpenCaseAsync();
        var data = Path.Combine(_archive.DataDirectory, "case.json");
        await File.WriteAllTextAsync(data, $$"""
            { "applicant": { "name": "孙明红", "id_number": "370202194004297733" }, "categories": ["最低生活保障"], "township": "{{Township}}",
              "village": "杏花村社区", "members": [{ "name": "孙明红", "id_number": "370202194004297733", "relationship": "本人" }],
              "review_publicity": { "unit": "测试镇人民政府",
                "families": [{ "applicant_name": "孙明红", "village": "杏花村社区", "household_size": 1, "covered_size": 1, "category": "低保", "amount": 500 }] } }
            """);
        var (code, output) = await _archive.RunAsync(null, "case", "record", "save", id, data, "--clerk", "王五");
        Assert.True(code == 0, output);
        foreach (var step in new[] { new[] { "受理", "2024-02-07" }, ["核对授权", "2024-02-08"], ["入户调查", "2024-02-08", "--staff", "李四"], ["初审意见", "2024-02-09", "--outcome", "批准"] })
        {
            (code, output) = await _archive.RunAsync(null, ["case", "event", id, "--kind", step[0], "--date", step[1], .. step[2..], "--clerk", "王五"]);
            Assert.True(code == 0, output);
        }
        async Task<CaseManifest> CaseAsync()
        {
            using var host = await _archive.OpenAsync();
            return await host.Archive.GetManifestAsync(id);
        }
        var before = await CaseAsync();

        // A form the step may not print, and a form that does not exist: exit 2, one line in Chinese, nothing filed or recorded.
        (code, output) = await _archive.RunAsync(null, "case", "event", id, "--kind", "公示", "--date", "2024-02-19", "--print-form", "chizhou.acceptance-notice", "--clerk", "王五");
        Assert.Equal(2, code);
        Assert.Equal("formarchive: error: “公示”时不能打印池州市低收入人口申请受理告知书（chizhou.acceptance-notice）；该环节可打印：chizhou.review-publicity。",
            Assert.Single(Lines(output)));
        (code, output) = await _archive.RunAsync(null, "case", "event", id, "--kind", "公示", "--date", "2024-02-19", "--print-form", "no.such-form", "--clerk", "王五");
        Assert.Equal(2, code);
        Assert.Contains("--print-form：没有编号为“no.such-form”的表格", Assert.Single(Lines(output)));
        Assert.Equal(before.Seq, (await CaseAsync()).Seq);

        // The step's own form: printed from the case data with the step's date, filed, named by the step.
        (code, output) = await _archive.RunAsync(null, "case", "event", id, "--kind", "公示", "--date", "2024-02-19", "--print-form", "chizhou.review-publicity", "--clerk", "王五");
        Assert.True(code == 0, output);
        var after = await CaseAsync();
        var form = after.Documents[^1];
        Assert.Equal(before.Documents.Count + 1, after.Documents.Count);
        Assert.Equal("池州市低收入人口审核公示单（据案件数据第 1 版）", form.Title);
        Assert.Equal([form.No], after.Stages[^1].Documents!);
        Assert.Contains($"打印的表格已归档为 {id} 第 {form.No} 件“{form.Title}”", Assert.Single(Lines(output)));
        using (var host = await _archive.OpenAsync())
        {
            var (_, pdf) = await host.Archive.GetDocumentAsync(id, form.No, "test");
            using var doc = UglyToad.PdfPig.PdfDocument.Open(pdf);
            Assert.Contains("2024年2月19日至2024年2月25日", string.Concat(doc.GetPages().Select(p => p.Text)).Replace(" ", ""));
        }

        // The same step again: refused by the procedure, exit 1, one line; nothing more filed.
        (code, output) = await _archive.RunAsync(null, "case", "event", id, "--kind", "公示", "--date", "2024-02-20", "--print-form", "chizhou.review-publicity", "--clerk", "王五");
        Assert.Equal(1, code);
        Assert.Single(Lines(output));
        Assert.Equal(after.Seq, (await CaseAsync()).Seq);
    }
}
