using System.Text;
using System.Text.Json.Nodes;
using FormArchive.Tests.Api;
using FormArchive.Tests.Integrity;

namespace FormArchive.Tests.Cli;

/// <summary>
/// <c>formarchive case verification-result</c> in child processes on a real archive, on a case the CLI opened for the
/// README's household, through Casework's filing as the service goes: the report and its data filed with the 核对机构
/// as 责任者, the same result again filing nothing, a hostile or lying PDF or bad data one Chinese line, nothing filed.
/// </summary>
public sealed class VerificationResultCliTests : IDisposable
{
    private const string Agency = "贵池区居民家庭经济状况核对中心";
    private readonly ArchiveProcess _archive = new(null);
    private readonly string _folder = Directory.CreateTempSubdirectory("verification-cli-").FullName;

    public void Dispose()
    {
        foreach (var d in new[] { _archive.DataDirectory, _folder })
            try { Directory.Delete(d, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private string Write(string name, byte[] content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    private string Write(string name, JsonNode json) => Write(name, Encoding.UTF8.GetBytes(json.ToJsonString()));

    private static JsonObject Sample() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "samples", "verification-result", "result.json")))!.AsObject();

    private Task<(int? Code, string Output)> FileAsync(string id, string pdf, string data) =>
        _archive.RunAsync(null, "case", "verification-result", id, "--pdf", pdf, "--data", data, "--agency", Agency, "--clerk", "王五");

    [Fact]
    public async Task A_result_is_filed_once_and_a_hostile_pdf_or_bad_data_is_one_chinese_line()
    {
        var application = new JsonObject
        {
            ["applicant"] = new JsonObject { ["name"] = "张三", ["idNumber"] = "11010519491231002X" }, ["village"] = "杏花村",
            ["categories"] = new JsonArray("低保"),
            ["members"] = new JsonArray(new JsonObject { ["name"] = "张三", ["idNumber"] = "11010519491231002X" },
                new JsonObject { ["name"] = "孙明红", ["idNumber"] = CaseApi.CorpusIdNumber }),
        };
        var (code, output) = await _archive.RunAsync(null, "case", "open", Write("application.json", application), "--township", "秋浦街道", "--clerk", "王五");
        Assert.True(code == 0, output);
        var id = output.Trim();
        var pdf = Write("核对报告.pdf", CaseApi.PlainPdf());
        var data = Write("result.json", Sample());

        (code, output) = await FileAsync(id, pdf, data);
        Assert.True(code == 0, output);
        Assert.Equal($"{id}: 已归档家庭经济状况核对结果：第 2 件“居民家庭经济状况核对报告”，第 3 件（结构化数据）", output.Trim());
        (code, output) = await FileAsync(id, pdf, data);
        Assert.True(code == 0, output);
        Assert.Equal($"{id}: 该核对结果已归档为第 3 件，未另存", output.Trim());

        var bad = Sample();
        bad["checkedOn"] = "2025年3月4日";
        foreach (var (report, json, says) in new[]
        {
            (Write("js.pdf", CaseApi.PdfWithJavaScript()), data, "js.pdf：不接收含有可执行或嵌入内容（JS、JavaScript"),
            (Write("scan.pdf", "GIF89a"u8.ToArray()), data, "scan.pdf：不是 PDF 文件"),
            (pdf, Write("bad.json", bad), "bad.json：核对日期：应为 yyyy-MM-dd 格式的日期"),
        })
        {
            (code, output) = await FileAsync(id, report, json);
            Assert.True(code == 2, output);
            Assert.Contains(says, Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
        }

        using var host = await _archive.OpenAsync();
        var documents = (await host.Archive.GetManifestAsync(id)).Documents;
        Assert.Equal(3, documents.Count);
        var (filedReport, filedData) = (documents[1], documents[2]);
        Assert.Equal((Agency, Agency), (filedReport.ResponsibleParty, filedData.ResponsibleParty));
        Assert.Equal(new DateOnly(2025, 3, 4), filedReport.Date);
        Assert.Equal("贵池核〔2025〕0317号", filedReport.DocNumber);
        Assert.Equal(filedReport.Sha256, filedData.DerivedFrom);
        // The household was matched: 张三 and 孙明红 are its members, 张小英 (a 赡养义务人) is not.
        var kept = JsonNode.Parse((await host.Archive.GetDocumentAsync(id, filedData.No, "test")).Content)!;
        Assert.Equal([true, true, false], kept["data"]!["members"]!.AsArray().Select(m => (bool)m!["inHousehold"]!));
    }
}
