using System.Text.Json.Nodes;
using FormArchive.Archive.Cases;
using FormArchive.Tests.Integrity;

namespace FormArchive.Tests.Cli;

/// <summary>
/// <c>formarchive case record save / show</c> in child processes on a real archive, through Casework's saving as the
/// service goes: versions saved and shown, and one Chinese line with a non-zero exit for what is refused, nothing stored.
/// </summary>
public sealed class CaseRecordCliTests : IDisposable
{
    private readonly ArchiveProcess _archive = new(null);
    private readonly string _folder = Directory.CreateTempSubdirectory("case-record-cli-").FullName;

    public void Dispose()
    {
        foreach (var d in new[] { _archive.DataDirectory, _folder })
            try { Directory.Delete(d, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private async Task<string> OpenCaseAsync()
    {
        var id = "CR-" + Guid.NewGuid().ToString("N")[..10];
        using var host = await _archive.OpenAsync();
        await host.Archive.OpenCaseAsync(new CaseMetadata
        {
            CaseId = id, Title = "案件数据测试", ApplicantName = "孙明红", IdNumber = "370202194004297733", Township = "测试镇",
            Village = "杏花村社区", Category = "低保", Status = "受理", Agency = "测试镇人民政府",
        }, "clerk");
        return id;
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static JsonObject Data(string economicStatus) => new()
    {
        ["applicant"] = new JsonObject { ["name"] = "孙明红", ["id_number"] = "370202194004297733" },
        ["categories"] = new JsonArray("最低生活保障"),
        ["township"] = "测试镇",
        ["village"] = "杏花村社区",
        ["members"] = new JsonArray(new JsonObject { ["name"] = "孙明红", ["id_number"] = "370202194004297733", ["relationship"] = "本人" }),
        ["economic_status"] = economicStatus,
    };

    private static string[] Lines(string output) => output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>One line, saying what is wrong in Chinese.</summary>
    private static string OneChineseLine(string output)
    {
        var line = Assert.Single(Lines(output));
        Assert.Contains(line, c => c >= '\u4e00' && c <= '\u9fff');
        return line;
    }

    [Fact]
    public async Task Versions_are_saved_and_shown_and_bad_input_is_one_chinese_line_with_nothing_stored()
    {
        var id = await OpenCaseAsync();
        // Nothing saved yet: the draft from the opening data.
        var (code, output) = await _archive.RunAsync(null, "case", "record", "show", id);
        Assert.True(code == 0, output);
        Assert.Equal("孙明红", (string)JsonNode.Parse(output)!["applicant"]!["name"]!);

        var first = Write("v1.json", Data("年收入约四千元").ToJsonString());
        (code, output) = await _archive.RunAsync(null, "case", "record", "save", id, first, "--clerk", "王五");
        Assert.True(code == 0, output);
        Assert.Contains("已保存为案件数据第 1 版", output);
        // The same data, with a comment and a trailing comma as the schema check allows: nothing new.
        var commented = Write("v1-commented.json", "// 同一份数据\n" + Data("年收入约四千元").ToJsonString().TrimEnd('}') + ",}");
        (code, output) = await _archive.RunAsync(null, "case", "record", "save", id, commented, "--clerk", "王五");
        Assert.True(code == 0, output);
        Assert.Contains("与案件数据第 1 版相同，未另存", output);
        (code, output) = await _archive.RunAsync(null, "case", "record", "save", id, Write("v2.json", Data("年收入约三千元").ToJsonString()), "--clerk", "王五");
        Assert.True(code == 0, output);
        Assert.Contains("已保存为案件数据第 2 版", output);

        (code, output) = await _archive.RunAsync(null, "case", "record", "show", id, "--version", "1");
        Assert.True(code == 0, output);
        Assert.Equal("年收入约四千元", (string)JsonNode.Parse(output)!["economic_status"]!);
        (code, output) = await _archive.RunAsync(null, "case", "record", "show", id);
        Assert.Equal("年收入约三千元", (string)JsonNode.Parse(output)!["economic_status"]!);

        // Refused, exit 2, one Chinese line each.
        var badId = Data("年收入约两千元");
        badId["members"]![0]!["id_number"] = "370202194004297734"; // check digit wrong
        foreach (var (name, text, says) in new[]
        {
            ("bad-id.json", badId.ToJsonString(), "案件数据有"),
            ("null.json", "null", "案件数据"),
            ("array.json", "[1, 2]", "案件数据"),
            ("broken.json", "{\"applicant\":", "不是有效的 JSON"),
        })
        {
            (code, output) = await _archive.RunAsync(null, "case", "record", "save", id, Write(name, text), "--clerk", "王五");
            Assert.True(code == 2, $"{name}: exit {code}: {output}");
            Assert.Contains(says, OneChineseLine(output));
        }
        (code, output) = await _archive.RunAsync(null, "case", "record", "save", id, Path.Combine(_folder, "absent.json"), "--clerk", "王五");
        Assert.Equal(2, code);
        Assert.Contains("找不到文件", OneChineseLine(output));
        (code, output) = await _archive.RunAsync(null, "case", "record", "show", id, "--version", "3");
        Assert.Equal(2, code);
        Assert.Contains("案件数据没有第 3 版（共 2 版）", OneChineseLine(output));

        // A sealed case: exit 1, one line; still two versions.
        using (var host = await _archive.OpenAsync()) await host.Archive.SealAsync(id, "王五");
        (code, output) = await _archive.RunAsync(null, "case", "record", "save", id, Write("v3.json", Data("封存后").ToJsonString()), "--clerk", "王五");
        Assert.Equal(1, code);
        Assert.Contains("已封存", OneChineseLine(output));
        using (var host = await _archive.OpenAsync())
            Assert.Equal(2, CaseRecordVersions.List(await host.Archive.GetManifestAsync(id)).Count);
    }
}
