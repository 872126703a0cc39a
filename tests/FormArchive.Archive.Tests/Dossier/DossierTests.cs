using FormArchive.Archive.Dossier;
using FormArchive.Archive.Tests.Infrastructure;
using UglyToad.PdfPig;

namespace FormArchive.Archive.Tests.Dossier;

[Collection("archive")]
public sealed class DossierTests(ArchiveFixture fx)
{
    [Theory, MemberData(nameof(StoreKinds.All), MemberType = typeof(StoreKinds))]
    public async Task The_dossier_is_cover_directory_and_the_stored_pages_with_bookmarks(string kind)
    {
        var archive = fx.Archive(kind);
        var id = ArchiveFixture.NewCaseId("dos");
        await archive.OpenCaseAsync(Samples.Metadata(id), "clerk");
        await archive.AddDocumentAsync(id, Samples.PdfUpload("低保申请书", 2), "clerk");
        await archive.AddDocumentAsync(id, Samples.PngUpload("身份证扫描件"), "clerk");
        await archive.AddDocumentAsync(id, Samples.PdfUpload("入户调查表", 3), "clerk");
        await archive.SealAsync(id, "clerk");

        var pdf = await DossierBuilder.BuildAsync(archive, id, "printer");

        using var doc = PdfDocument.Open(pdf);
        Assert.Equal(2 + 2 + 3 + 1, doc.NumberOfPages);
        Assert.Contains("案 卷 封 面", doc.GetPage(1).Text);
        Assert.Contains("张三 最低生活保障审核确认", doc.GetPage(1).Text);
        var directory = doc.GetPage(2).Text;
        Assert.Contains("卷 内 目 录", directory);
        var flatDirectory = string.Concat(directory.Where(c => !char.IsWhiteSpace(c)));
        Assert.Contains("件号责任者文号题名日期页数备注", flatDirectory);  // DA/T 22 columns, in order
        Assert.Contains("第1–2页", flatDirectory);   // 申请书: pages 1–2
        Assert.Contains("第3–5页", flatDirectory);   // 入户调查表: pages 3–5
        Assert.Contains("扫描图像", flatDirectory);
        Assert.Contains("3秋浦街道办事处入户调查表202503023第3–5页", flatDirectory);  // one row: 件号, 责任者, (文号), 题名, 日期, 页数, 备注
        Assert.Contains("身份证扫描件", directory);
        Assert.Contains("低保申请书 第1页", doc.GetPage(3).Text);  // copied, not re-rendered: the stored text
        Assert.Contains("入户调查表 第3页", doc.GetPage(7).Text);
        Assert.True(doc.TryGetBookmarks(out var bookmarks));
        var marks = bookmarks.GetNodes().OfType<UglyToad.PdfPig.Outline.DocumentBookmarkNode>().Select(n => (n.Title, n.PageNumber)).ToList();
        Assert.Equal([("案卷封面", 1), ("卷内目录", 2), ("1. 低保申请书", 3), ("3. 入户调查表", 5), ("卷内备考表", 8)], marks);
    }

    [Theory, MemberData(nameof(StoreKinds.All), MemberType = typeof(StoreKinds))]
    public async Task The_last_page_is_the_record_note_with_counts_the_sealing_clerk_and_the_later_volume(string kind)
    {
        var archive = fx.Archive(kind);
        var id = ArchiveFixture.NewCaseId("bk");
        await archive.OpenCaseAsync(Samples.Metadata(id), "王五");
        await archive.AddDocumentAsync(id, Samples.PdfUpload("低保申请书", 2), "王五");
        await archive.AddDocumentAsync(id, Samples.PngUpload("身份证扫描件"), "王五");
        await archive.AddDocumentAsync(id, Samples.PngUpload("户口簿扫描件"), "王五");
        await archive.AddDocumentAsync(id, Samples.PdfUpload("入户调查表", 3), "王五");
        var seal = await archive.SealAsync(id, "王五 (clerk, key 5d878bb4)"); // as the API records a caller
        var supplement = await archive.OpenSupplementAsync(id, "李四");

        using var doc = PdfDocument.Open(await DossierBuilder.BuildAsync(archive, id, "printer"));
        Assert.Equal(2 + 2 + 3 + 1, doc.NumberOfPages);
        var note = doc.GetPage(doc.NumberOfPages).Text;
        var flat = string.Concat(note.Where(c => !char.IsWhiteSpace(c)));
        var sealedOn = seal.Case.SealedAt!.Value.ToOffset(TimeSpan.FromHours(8));
        var sealedOnText = $"{sealedOn.Year}年{sealedOn.Month}月{sealedOn.Day}日";
        Assert.Contains("卷内备考表", flat);
        Assert.Contains("本卷情况说明", flat);
        Assert.Contains("本卷共4件5页", flat);
        Assert.Contains("扫描图像2件", flat);
        Assert.Contains($"补充卷V2另卷保存", flat);
        Assert.Equal(id + "-V2", supplement.CaseId);
        Assert.Contains("立卷人：王五检查人：", flat);
        var cover = string.Concat(doc.GetPage(1).Text.Where(c => !char.IsWhiteSpace(c)));
        Assert.Contains($"封存状态：已封存{sealedOnText}，立卷人王五", cover);
        foreach (var page in new[] { cover, flat })
        {
            Assert.DoesNotContain("5d878bb4", page);
            Assert.DoesNotContain("clerk", page);
        }
        Assert.Contains("检查人：", flat);
        Assert.Contains($"立卷时间：{sealedOnText}", flat);
        Assert.DoesNotContain("卷内备考表", doc.GetPage(doc.NumberOfPages - 1).Text);
        Assert.True(doc.TryGetBookmarks(out var bookmarks));
        var last = bookmarks.GetNodes().OfType<UglyToad.PdfPig.Outline.DocumentBookmarkNode>().Last();
        Assert.Equal(("卷内备考表", doc.NumberOfPages), (last.Title, last.PageNumber));

        // The supplement volume's own note says which case it belongs to, and has nothing sealed yet.
        using var v2 = PdfDocument.Open(await DossierBuilder.BuildAsync(archive, supplement.CaseId, "printer"));
        var v2Note = string.Concat(v2.GetPage(v2.NumberOfPages).Text.Where(c => !char.IsWhiteSpace(c)));
        Assert.Contains($"本卷为案卷{id}的补充卷第2卷", v2Note);
        Assert.Contains("本卷尚未封存", v2Note);
        Assert.DoesNotContain("另卷保存", v2Note);
    }

    [Theory]
    [InlineData("王五 (clerk, key 5d878bb4)", "王五")]
    [InlineData("王五", "王五")]
    [InlineData("  李四  ", "李四")]
    [InlineData("赵六 (archivist, key 0a1b2c3d)", "赵六")]
    [InlineData(null, "")]
    public void The_printed_name_of_an_actor_drops_role_and_key(string? actor, string expected) =>
        Assert.Equal(expected, ActorName.PersonOf(actor));

    [Fact]
    public async Task Markup_in_titles_numbers_and_steps_prints_as_text_and_cannot_change_the_pages()
    {
        // The pages are templates: every value is XML-escaped by the template engine, so markup in the data is text.
        const string title = "张三 <h1>审核</h1> & \"确认\" </p></td></tr></table><pagebreak/>";
        var archive = fx.Archive("local");
        var id = ArchiveFixture.NewCaseId("esc");
        await archive.OpenCaseAsync(Samples.Metadata(id) with { Title = title }, "clerk");
        await archive.AddDocumentAsync(id, Samples.PdfUpload("申请书 </td><td>多一列") with { DocNumber = "<![CDATA[x]]> &amp; 〔2024〕", ResponsibleParty = "<seal label=\"x\"/>" }, "clerk");
        var steps = new[] { new CaseProcessStep(new DateOnly(2025, 3, 1), new TimeOnly(9, 0), "受理", "王五 <b>", "{{ case_id }} </td>") };
        var pdf = await DossierBuilder.BuildAsync(archive, id, "printer", steps);
        Artifacts.Save("dossier-escaped.pdf", pdf);
        using var doc = PdfDocument.Open(pdf);
        Assert.Equal(1 + 1 + 1 + 1 + 1, doc.NumberOfPages);   // cover, directory, the document, 办理过程, 备考表: no extra page break
        string Flat(int page) => string.Concat(doc.GetPage(page).Text.Where(c => !char.IsWhiteSpace(c)));
        Assert.Contains(string.Concat(title.Where(c => !char.IsWhiteSpace(c))), Flat(1));
        foreach (var text in new[] { "申请书</td><td>多一列", "<![CDATA[x]]>&amp;〔2024〕", "<seallabel=\"x\"/>" }) Assert.Contains(text, Flat(2));
        Assert.Contains("王五<b>", Flat(4));
        Assert.Contains("{{case_id}}</td>", Flat(4));
    }

    [Fact]
    public async Task A_dossier_of_a_manifest_already_read_prints_that_state_not_a_later_one()
    {
        var archive = fx.Archive("local");
        var id = ArchiveFixture.NewCaseId("once");
        await archive.OpenCaseAsync(Samples.Metadata(id), "clerk");
        await archive.AddDocumentAsync(id, Samples.PdfUpload("低保申请书", 2), "clerk");
        var read = await archive.GetManifestAsync(id);
        await archive.AddDocumentAsync(id, Samples.PdfUpload("入户调查表", 3), "clerk");   // recorded between the reads

        using var doc = PdfDocument.Open(await DossierBuilder.BuildAsync(archive, read, [], "printer", null));
        Assert.Equal(1 + 1 + 2 + 1, doc.NumberOfPages);
        Assert.DoesNotContain("入户调查表", doc.GetPage(2).Text);
        Assert.Contains("低保申请书", doc.GetPage(2).Text);
    }

    [Fact]
    public void Every_page_of_a_long_case_process_starts_with_its_title_and_archival_code()
    {
        var steps = Enumerable.Range(0, 60).Select(i => new CaseProcessStep(new DateOnly(2025, 3, 1).AddDays(i), new TimeOnly(9, 0), "入户调查", "王五", $"第{i + 1}次入户，家庭成员在家")).ToList();
        var printed = CaseProcessPages.Print(FormArchive.Archive.Printing.ArchivePrinter.Default, "张三 最低生活保障审核确认", "J012-MZ3-秋浦-2025-017", steps);
        Artifacts.Save("case-process-long.pdf", printed.Pdf);
        using var doc = PdfDocument.Open(printed.Pdf);
        Assert.True(doc.NumberOfPages >= 2, $"60 steps need more than one page, got {doc.NumberOfPages}");
        foreach (var page in doc.GetPages())
            Assert.StartsWith("案卷办理过程张三最低生活保障审核确认档号：J012-MZ3-秋浦-2025-017", string.Concat(page.Text.Where(c => !char.IsWhiteSpace(c))));
    }
}
