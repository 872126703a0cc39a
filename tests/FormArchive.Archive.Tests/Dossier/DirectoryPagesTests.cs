using FormArchive.Archive.Dossier;
using FormArchive.Archive.Tests.Infrastructure;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Outline;

namespace FormArchive.Archive.Tests.Dossier;

[Collection("archive")]
public sealed class DirectoryPagesTests(ArchiveFixture fx)
{
    private static string Squeeze(string s) => string.Concat(s.Where(c => !char.IsWhiteSpace(c)));

    private const string LongTitle = "池州市贵池区秋浦街道办事处关于张三家庭申请最低生活保障及低保边缘家庭认定的入户调查、邻里访问与经济状况核对情况报告（含附件）";

    [Fact]
    public async Task Titles_wrap_within_their_column_and_the_doc_number_is_listed()
    {
        var archive = fx.Archive("local");
        var id = ArchiveFixture.NewCaseId("dir");
        await archive.OpenCaseAsync(Samples.Metadata(id), "clerk");
        await archive.AddDocumentAsync(id, Samples.PdfUpload(LongTitle, 2) with { DocNumber = "（2025年第 3 号）", ResponsibleParty = "贵池区民政局社会救助股" }, "clerk");
        await archive.AddDocumentAsync(id, Samples.PdfUpload("入户调查表") with { ResponsibleParty = "民政局" }, "clerk");
        var pdf = await DossierBuilder.BuildAsync(archive, id, "printer");
        Artifacts.Save("dossier-directory-wrap.pdf", pdf);
        using var doc = PdfDocument.Open(pdf);
        var page = doc.GetPage(2);
        var flat = Squeeze(page.Text);
        Assert.DoesNotContain("…", page.Text);
        foreach (var piece in new[] { LongTitle, "（2025年第3号）", "贵池区民政局社会救助股", "第1–2页", "第3页" })
        {
            // A wrapped cell's lines interleave with its neighbours' in reading order: every character is there, in order.
            int at = 0;
            foreach (char c in Squeeze(piece)) at = flat.IndexOf(c, at) is var i and >= 0 ? i + 1 : throw new Xunit.Sdk.XunitException($"'{c}' of {piece} missing after position {at}");
        }
        // 避头尾: no wrapped line starts with a closing mark (the 文号's "）" stays with its 号).
        Assert.DoesNotContain(page.GetWords(), w => w.Text.Length > 0 && "，。、；：）》」』".Contains(w.Text[0]));
        // Nothing crosses the page's ruled frame (56 pt margins).
        Assert.All(page.GetWords(), w => Assert.True(w.BoundingBox.Left >= 56 && w.BoundingBox.Right <= page.Width - 56, $"{w.Text} at {w.BoundingBox}"));
        // Each title line stays inside the 题名 column (its words start right of 文号 and end left of 日期).
        var dateHead = page.GetWords().Single(w => w.Text == "日期");
        var titleHead = page.GetWords().Single(w => w.Text == "题名");
        var titleWords = page.GetWords().Where(w => w.Text.Length > 0 && LongTitle.Contains(w.Text, StringComparison.Ordinal) && w.Text.Length >= 4).ToList();
        Assert.True(titleWords.Count >= 3, $"the title wraps onto several lines, got {titleWords.Count}");
        Assert.All(titleWords, w => Assert.True(w.BoundingBox.Right < dateHead.BoundingBox.Left, $"{w.Text} runs into 日期"));
        Assert.All(titleWords, w => Assert.True(w.BoundingBox.Left > titleHead.BoundingBox.Left - 80, $"{w.Text} starts left of 题名"));
    }

    [Fact]
    public async Task A_long_directory_runs_onto_more_pages_and_the_bookmarks_follow()
    {
        var archive = fx.Archive("local");
        var id = ArchiveFixture.NewCaseId("dir");
        await archive.OpenCaseAsync(Samples.Metadata(id), "clerk");
        for (int i = 1; i <= 30; i++) await archive.AddDocumentAsync(id, Samples.PdfUpload($"第{i}份 " + LongTitle), "clerk");
        var pdf = await DossierBuilder.BuildAsync(archive, id, "printer");
        Artifacts.Save("dossier-long-directory.pdf", pdf);
        using var doc = PdfDocument.Open(pdf);
        int directoryPages = Enumerable.Range(2, doc.NumberOfPages - 1).TakeWhile(p => Squeeze(doc.GetPage(p).Text) is var t && (t.StartsWith("卷内目录") || t.StartsWith(string.Concat(DirectoryPages.Heads)))).Count();   // the head row repeats on every page
        Assert.True(directoryPages >= 2, $"30 three-line rows need more than one page, got {directoryPages}");
        // A continuation page read alone says what it is: every page starts with the title, the 档号, then the head row.
        var code = FormArchive.Archive.Cases.ArchivalReference.Of(await archive.GetManifestAsync(id), archive.Fonds).ArchivalCode;
        for (int p = 2; p < 2 + directoryPages; p++)
            Assert.StartsWith("卷内目录档号：" + Squeeze(code) + string.Concat(DirectoryPages.Heads), Squeeze(doc.GetPage(p).Text));
        Assert.Equal(1 + directoryPages + 30 + 1, doc.NumberOfPages);
        var rows = string.Concat(Enumerable.Range(2, directoryPages).Select(p => Squeeze(doc.GetPage(p).Text)));
        for (int i = 1; i <= 30; i++) Assert.Contains($"第{i}–", rows.Replace($"第{i}页", $"第{i}–"));   // every 页号 listed
        Assert.True(doc.TryGetBookmarks(out var bookmarks));
        var marks = bookmarks.GetNodes().OfType<DocumentBookmarkNode>().ToList();
        Assert.Equal(2 + directoryPages, marks.Single(m => m.Title.StartsWith("1. ")).PageNumber);
        Assert.Contains("第1份", doc.GetPage(2 + directoryPages).Text);
        Assert.Equal(("卷内备考表", doc.NumberOfPages), (marks[^1].Title, marks[^1].PageNumber));
    }
}
