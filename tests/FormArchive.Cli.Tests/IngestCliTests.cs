using System.Text.Json.Nodes;
using FormArchive.Tests.Support;

namespace FormArchive.Tests.Cli;

/// <summary><c>formarchive ingest</c> as a process: the output contract (JSON + searchable PDF) and clear errors.</summary>
public class IngestCliTests
{
    private static readonly string Scan = Path.Combine(AppContext.BaseDirectory, "Corpus", "scan-0000.jpg");
    private const string ScanNumber = "370202194004297733";

    private static (int Code, string Output) Cli(string[] args, Dictionary<string, string>? env = null) =>
        ExternalTool.Run("dotnet", [Path.Combine(AppContext.BaseDirectory, "formarchive.dll"), .. args], env);

    [Fact]
    public void Ingest_writes_the_result_json_and_a_searchable_pdf()
    {
        var dir = Directory.CreateTempSubdirectory("formarchive-ingest-").FullName;
        try
        {
            var (code, output) = Cli(["ingest", "--case", "C-1", "--out", dir, Scan]);
            Assert.True(code == 0, output);
            // The console shows the number masked only.
            Assert.DoesNotContain(ScanNumber, output);
            var json = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "scan-0000.json")))!;
            var id = json["scan"]!["pages"]![0]!["idNumbers"]![0]!;
            Assert.Equal(ScanNumber, id["number"]!.GetValue<string>());
            Assert.True(id["isValid"]!.GetValue<bool>());
            Assert.Equal("pp-ocr", json["scan"]!["pages"]![0]!["engine"]!.GetValue<string>());
            var (pdfCode, text) = ExternalTool.Run("pdftotext", Path.Combine(dir, "scan-0000.pdf"), "-");
            Assert.Equal(0, pdfCode);
            Assert.Contains(ScanNumber, text);
            Assert.Contains("孙明红", text.Replace(" ", ""));
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void Missing_models_are_one_line_naming_the_fetch_script()
    {
        var empty = Directory.CreateTempSubdirectory("formarchive-no-models-").FullName;
        try
        {
            var (code, output) = Cli(["ingest", "--case", "C-1", "--out", empty, Scan], new() { ["FORMARCHIVE_OCR_MODELS"] = empty });
            Assert.Equal(1, code);
            var line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.StartsWith("formarchive: error: PP-OCR models not found", line);
            Assert.Contains("scripts/fetch-ocr-models.sh", line);
            Assert.False(File.Exists(Path.Combine(empty, "scan-0000.json")));
        }
        finally { Directory.Delete(empty, true); }
    }
}
