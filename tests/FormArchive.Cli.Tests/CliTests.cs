using System.Text.Json.Nodes;
using FormArchive.Tests.Forms;
using FormArchive.Tests.Support;
using UglyToad.PdfPig;

namespace FormArchive.Tests.Cli;

/// <summary>The real formarchive program, run as a process: exit codes, files, one-line errors.</summary>
public class CliTests
{
    private static (int Code, string Output) Cli(params string[] args) =>
        ExternalTool.Run("dotnet", [Path.Combine(AppContext.BaseDirectory, "formarchive.dll"), .. args]);

    private static string TempFolder() => Directory.CreateTempSubdirectory("formarchive-cli-").FullName;

    [Fact]
    public void Forms_lists_the_catalog()
    {
        var (code, output) = Cli("forms");
        Assert.Equal(0, code);
        Assert.Contains("chizhou.review-form", output);
        Assert.Contains("chizhou.acceptance-notice", output);
        Assert.Contains("池州市低收入人口申请受理告知书", output);
    }

    [Fact]
    public void Render_writes_pdf_and_docx_for_a_case()
    {
        var folder = TempFolder();
        var (code, output) = Cli("render", "--form", "chizhou.review-form", "--data", Path.Combine(FormsFixture.SamplesFolder, "case.json"), "--out", folder, "--format", "pdf,docx");
        Assert.True(code == 0, output);
        var pdf = Path.Combine(folder, "chizhou.review-form.pdf");
        Assert.True(File.Exists(pdf));
        Assert.True(File.Exists(Path.Combine(folder, "chizhou.review-form.docx")));
        using var document = PdfDocument.Open(pdf);
        Assert.Contains("审核确认表", string.Concat(document.GetPage(1).Letters.Select(l => l.Value)));
    }

    [Fact]
    public void Bad_data_exits_2_with_one_line_naming_the_json_path_and_writes_nothing()
    {
        var folder = TempFolder();
        var data = JsonNode.Parse(FormsFixture.Sample("case.json"))!;
        data["applicant"]!["id_number"] = "34170219580307001";   // 17 characters
        var file = Path.Combine(folder, "bad.json");
        File.WriteAllText(file, data.ToJsonString());
        var (code, output) = Cli("render", "--form", "chizhou.review-form", "--data", file, "--out", folder);
        Assert.Equal(2, code);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.Contains("applicant.id_number", lines[0]);
        Assert.StartsWith("formarchive: error:", lines[0]);
        Assert.False(File.Exists(Path.Combine(folder, "chizhou.review-form.pdf")));
    }

    [Fact]
    public void Bad_data_lists_every_error_on_its_one_line()
    {
        var folder = TempFolder();
        var data = JsonNode.Parse(FormsFixture.Sample("case.json"))!;
        data["applicant"]!["id_number"] = "34170219580307001";
        data["household_size"] = 1000;
        data["members"]![0]!["annual_income"] = "1000";
        var file = Path.Combine(folder, "bad.json");
        File.WriteAllText(file, data.ToJsonString());
        var (code, output) = Cli("render", "--form", "chizhou.review-form", "--data", file, "--out", folder);
        Assert.Equal(2, code);
        var line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("$.applicant.id_number", line);
        Assert.Contains("$.household_size", line);
        Assert.Contains("$.members[0].annual_income", line);
        Assert.Contains("文本“1000”", line);
        Assert.DoesNotContain("more)", line);
    }

    [Theory]
    [InlineData(2, "render", "--form", "chizhou.no-such-form")]
    [InlineData(1, "render", "--form", "chizhou.review-form", "--data", "/nonexistent/case.json")]
    [InlineData(2, "render", "--form", "chizhou.review-form", "--format", "odt")]
    public void Errors_are_one_line_and_non_zero(int expected, params string[] args)
    {
        var (code, output) = Cli(args);
        Assert.Equal(expected, code);
        Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}
