using System.IO.Compression;
using System.Net;
using System.Text;
using FormArchive.Api.Cases;
using FormArchive.Archive;
using FormArchive.Archive.Access;
using FormArchive.Archive.Cases;
using FormArchive.Archive.Verify;
using FormArchive.Tests.Api;
using Microsoft.Extensions.DependencyInjection;
using static FormArchive.Tests.Api.CaseApi;

namespace FormArchive.Tests.Integrity;

/// <summary>
/// The screen's bypasses from the issue, each refused at upload and (for PDFs) caught by verify, which parses
/// with the same qpdf-based screen: escaped names, actions in compressed object streams, text before %PDF- in a
/// .jpg, a PDF+ZIP polyglot, a truncated JPEG with an end marker appended.
/// </summary>
public sealed class HostileFileTests(QueueingApiServer server) : IClassFixture<QueueingApiServer>
{
    private readonly HttpClient _clerk = server.ClientFor(Role.Clerk, Township);
    private static readonly DecodeLimits Limits = new();

    private static byte[] EscapedJavaScript() => HostilePdf.Build("/OpenAction << /S /J#61vaScript /JS (app.alert\\(1\\)) >>");
    private static byte[] EscapedLaunch() => HostilePdf.Build("/OpenAction 4 0 R", "<< /S /L#61unch /F (calc.exe) >>");
    private static byte[] ActionInObjectStream() => HostilePdf.InObjectStreams(HostilePdf.Build("/OpenAction << /S /JavaScript /JS (app.alert\\(1\\)) >>"));

    private static byte[] TextBeforePdf() => [.. "GIF89a harmless text\n"u8, .. HostilePdf.Build()];

    private static byte[] PdfZipPolyglot()
    {
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        using (var w = new StreamWriter(archive.CreateEntry("payload.html").Open())) w.Write("<script>alert(1)</script>");
        return [.. HostilePdf.Build(), .. zip.ToArray()];
    }

    private static byte[] TruncatedJpegWithEndMarker()
    {
        var jpeg = CorpusScan();
        return [.. jpeg[..(jpeg.Length * 6 / 10)], 0xFF, 0xD9];
    }

    public static TheoryData<string, string, string> Attacks => new()
    {
        { "escaped /J#61vaScript", "escaped.pdf", "JavaScript" },
        { "escaped /L#61unch", "launch.pdf", "Launch" },
        { "action in an object stream", "objstm.pdf", "JavaScript" },
        { "text before %PDF- in a .jpg", "photo.jpg", "第 21 字节处有 PDF 文件头" },
        { "PDF+ZIP polyglot", "poly.pdf", "同时是 ZIP 压缩包" },
        { "truncated JPEG with EOI appended", "cut.jpg", "JPEG 不完整或已损坏" },
    };

    private static byte[] Content(string attack) => attack switch
    {
        "escaped /J#61vaScript" => EscapedJavaScript(),
        "escaped /L#61unch" => EscapedLaunch(),
        "action in an object stream" => ActionInObjectStream(),
        "text before %PDF- in a .jpg" => TextBeforePdf(),
        "PDF+ZIP polyglot" => PdfZipPolyglot(),
        _ => TruncatedJpegWithEndMarker(),
    };

    [Theory, MemberData(nameof(Attacks))]
    public async Task Each_bypass_is_refused_at_upload_and_nothing_is_filed(string attack, string fileName, string reason)
    {
        var caseId = await CreateAsync(_clerk);
        var before = await DocumentCountAsync(_clerk, caseId);
        var response = await _clerk.PostAsync($"/api/cases/{caseId}/scans", Scans((fileName, Content(attack), fileName.EndsWith(".pdf") ? "application/pdf" : "image/jpeg")));
        var body = await response.Content.ReadAsStringAsync();
        var problem = await ProblemAssert.ChineseAsync(response, HttpStatusCode.UnprocessableEntity, attack);
        Assert.Equal("扫描件被拒收", (string)problem["title"]!);
        Assert.Contains(reason, body);
        Assert.Equal(before, await DocumentCountAsync(_clerk, caseId));
    }

    [Fact]
    public async Task Verify_finds_escaped_names_and_actions_in_object_streams_with_the_same_parser()
    {
        var host = server.App.Services.GetRequiredService<ArchiveHost>();
        var caseId = await CreateAsync(_clerk);
        int first = (await host.Archive.AddDocumentsAsync(caseId, new[] { EscapedJavaScript(), EscapedLaunch(), ActionInObjectStream() }
            .Select((c, i) => new DocumentUpload { Title = $"夹带{i}", FileName = $"x{i}.pdf", MediaType = "application/pdf", Content = c }).ToList(), "clerk"))[0].No;
        await host.Archive.SealAsync(caseId, "leader");
        var report = await new CaseVerifier(host.Archive).VerifyAsync(caseId, "auditor");
        foreach (var no in new[] { first, first + 1, first + 2 })
            Assert.Contains(report.Failures, f => f.Item == "4.1" && f.Name == "无活动内容" && f.Subject == CaseVerifier.DocumentSubject(no));
        Assert.Contains(report.Failures, f => f.Item == "4.1" && f.Subject == CaseVerifier.DocumentSubject(first + 1) && f.Detail.Contains("Launch"));
    }

    public static TheoryData<string> RefusedEntries => new()
    {
        "/AA << /O << /S /JavaScript /JS (1) >> >>",
        "/Names << /EmbeddedFiles << /Names [(a.exe) << /Type /Filespec /F (a.exe) /EF << /F 4 0 R >> >>] >> >>",
        "/AcroForm << /Fields [] /XFA 4 0 R >>",
        "/OpenAction << /S /SubmitForm /F (http://x.invalid/) >>",
        "/OpenAction << /S /ImportData /F (data.fdf) >>",
        "/OpenAction << /S /RichMediaExecute >>",
    };

    [Theory, MemberData(nameof(RefusedEntries))]
    public void Every_listed_kind_of_active_content_is_refused_by_the_screen(string entry)
    {
        var pdf = HostilePdf.Build(entry, "<< /Length 0 >>\nstream\n\nendstream");
        Assert.NotNull(FileSniffer.Screen(pdf, Limits));
        Assert.NotNull(FileSniffer.Screen(HostilePdf.InObjectStreams(pdf), Limits));
    }

    [Fact]
    public void Plain_files_and_an_open_action_that_is_only_a_destination_pass()
    {
        Assert.Null(FileSniffer.Screen(HostilePdf.Build("/OpenAction [3 0 R /Fit]"), Limits));
        Assert.Null(FileSniffer.Screen(HostilePdf.InObjectStreams(HostilePdf.Build()), Limits));
        Assert.Null(FileSniffer.Screen(CorpusScan(), Limits));
        Assert.Equal(FileSniffer.Kind.Pdf, FileSniffer.TypeOf(HostilePdf.Build()));
        Assert.Equal(FileSniffer.Kind.Unknown, FileSniffer.TypeOf(TextBeforePdf()));
    }
}
