using System.Diagnostics;
using System.Net;
using FormArchive.Archive;
using FormArchive.Archive.Access;
using FormArchive.Archive.Cases;
using FormArchive.Archive.Storage;
using FormArchive.Testing;
using FormArchive.Tests.Api;
using Microsoft.Extensions.DependencyInjection;
using static FormArchive.Tests.Api.CaseApi;

namespace FormArchive.Tests.Integrity;

/// <summary>
/// Decoding bombs: an image beyond the pixel budget (50 MP by default) is refused before it is decoded, whether
/// uploaded as a PNG or hidden in a PDF, and a thumbnail never decodes one; thumbnails are cached as derived objects.
/// </summary>
public sealed class DecodeLimitTests(QueueingApiServer server) : IClassFixture<QueueingApiServer>
{
    private readonly HttpClient _clerk = server.ClientFor(Role.Clerk, Township);
    private ArchiveHost Host => server.App.Services.GetRequiredService<ArchiveHost>();

    private async Task<(HttpStatusCode Status, string Body, TimeSpan Took)> UploadAsync(string caseId, string name, byte[] content, string type)
    {
        var watch = Stopwatch.StartNew();
        var response = await _clerk.PostAsync($"/api/cases/{caseId}/scans", Scans((name, content, type)));
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), watch.Elapsed);
    }

    [Fact]
    public async Task A_small_pdf_holding_a_14000_square_image_is_refused_at_upload_without_decoding_it()
    {
        var caseId = await CreateAsync(_clerk);
        var before = await DocumentCountAsync(_clerk, caseId);
        var pdf = ImagePdf.Build(14000, 14000, rgb: false);
        Assert.True(pdf.Length < 1_000_000, $"{pdf.Length} bytes");
        var (status, body, took) = await UploadAsync(caseId, "bomb.pdf", pdf, "application/pdf");
        Assert.True(status == HttpStatusCode.UnprocessableEntity, body);
        Assert.Contains("14000×14000", body);
        Assert.Contains("196 百万像素", body);
        Assert.True(took < TimeSpan.FromSeconds(5), $"{took}");
        Assert.Equal(before, await DocumentCountAsync(_clerk, caseId));
    }

    [Fact]
    public async Task A_png_of_8900_square_is_refused_at_upload()
    {
        var caseId = await CreateAsync(_clerk);
        var (status, body, took) = await UploadAsync(caseId, "big.png", DecompressionBomb.Png(8900, 8900), "image/png");
        Assert.True(status == HttpStatusCode.UnprocessableEntity, body);
        Assert.Contains("79.2 百万像素", body);
        Assert.True(took < TimeSpan.FromSeconds(5), $"{took}");
    }

    [Fact]
    public async Task A_thumbnail_of_a_filed_pdf_with_an_oversized_image_is_refused_and_never_decoded()
    {
        var caseId = await CreateAsync(_clerk);
        // Filed before the limits existed (or by another tool): it is in the case, so a thumbnail may be asked of it.
        var doc = await Host.Archive.AddDocumentAsync(caseId, new DocumentUpload
        {
            Title = "旧扫描件", FileName = "old.pdf", MediaType = "application/pdf", Content = ImagePdf.Build(14000, 14000, rgb: false),
        }, "clerk");
        var watch = Stopwatch.StartNew();
        var response = await _clerk.GetAsync($"/api/cases/{caseId}/documents/{doc.No}/pages/1/thumbnail");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity, body);
        var problem = await ProblemAssert.ChineseAsync(response, HttpStatusCode.UnprocessableEntity);
        Assert.Equal("图像过大，无法预览", (string)problem["title"]!);
        Assert.Contains("百万像素", (string)problem["detail"]!);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"{watch.Elapsed}");
    }

    [Fact]
    public async Task Thumbnails_are_made_once_and_kept_as_derived_objects_outside_the_record()
    {
        var caseId = await CreateAsync(_clerk);
        var doc = await Host.Archive.AddDocumentAsync(caseId, new DocumentUpload
        {
            Title = "扫描件", FileName = "scan.pdf", MediaType = "application/pdf", Content = ImagePdf.Build(1600, 1000, rgb: true),
        }, "clerk");
        var url = $"/api/cases/{caseId}/documents/{doc.No}/pages/1/thumbnail?width=200";
        var first = await _clerk.GetByteArrayAsync(url);
        var key = CaseKeys.Thumbnail(caseId, doc.Sha256, 1, 200);
        Assert.Equal(first, await Host.Archive.Store.GetAsync(StoreArea.Vault, key));
        using (var image = new ImageMagick.MagickImage(first))
        {
            Assert.Equal((200u, 125u), (image.Width, image.Height));
            var mean = image.Statistics().GetChannel(ImageMagick.PixelChannel.Red)!.Mean * 255.0 / ImageMagick.Quantum.Max;
            Assert.InRange(mean, 195, 205); // the light grey (200) of the source, averaged down
        }
        // The cached copy is what is served the second time (changed here to prove it).
        await Host.Archive.Store.PutAsync(StoreArea.Vault, key, CorpusScan());
        Assert.Equal(CorpusScan(), await _clerk.GetByteArrayAsync(url));
        await Host.Archive.Store.PutAsync(StoreArea.Vault, key, first);

        Assert.Equal(HttpStatusCode.OK, (await _clerk.PostAsync($"/api/cases/{caseId}/seal", null)).StatusCode);
        var archivist = server.ClientFor(Role.Archivist);
        var report = await GetJsonAsync(archivist, $"/api/cases/{caseId}/verify");
        Assert.True((bool)report["passed"]!, report.ToJsonString()); // a derived object is not an unlisted one
    }
}
