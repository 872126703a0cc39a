using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using FormArchive.Renderer.Model;
using static FormArchive.Tests.Docx.DocxSampleDocuments;
using ModelParagraph = FormArchive.Renderer.Model.Paragraph;
using W14 = DocumentFormat.OpenXml.Office2010.Word;

using Paragraph = DocumentFormat.OpenXml.Wordprocessing.Paragraph;
using Table = DocumentFormat.OpenXml.Wordprocessing.Table;
using TableRow = DocumentFormat.OpenXml.Wordprocessing.TableRow;
using TableCell = DocumentFormat.OpenXml.Wordprocessing.TableCell;
namespace FormArchive.Tests.Docx;

public sealed class DocxInlineTests
{
    private const char Nbsp = '\u00A0';

    private static OpenedDocx One(params Inline[] inlines) => new(Single(new ModelParagraph(inlines, ParagraphStyle.Default)));

    [Fact]
    public void Checkboxes_AreWordCheckBoxContentControls()
    {
        using var docx = One(new Checkbox(true, BodyStyle), new TextRun("是", BodyStyle), new Checkbox(false, BodyStyle), new TextRun("否", BodyStyle));
        var sdts = docx.Body.Descendants<SdtRun>().ToList();
        Assert.Equal(2, sdts.Count);

        var ticked = sdts[0].SdtProperties!.GetFirstChild<W14.SdtContentCheckBox>()!;
        Assert.Equal(W14.OnOffValues.One, ticked.Checked!.Val!.Value);
        Assert.Equal("2611", ticked.CheckedState!.Val!.Value);
        Assert.Equal("2610", ticked.UncheckedState!.Val!.Value);
        Assert.Equal("Segoe UI Symbol", ticked.CheckedState.Font!.Value);
        Assert.Equal("\u2611", sdts[0].SdtContentRun!.InnerText);
        Assert.Equal("Segoe UI Symbol", sdts[0].SdtContentRun!.Descendants<RunFonts>().Single().EastAsia!.Value);

        var empty = sdts[1].SdtProperties!.GetFirstChild<W14.SdtContentCheckBox>()!;
        Assert.Equal(W14.OnOffValues.Zero, empty.Checked!.Val!.Value);
        Assert.Equal("\u2610", sdts[1].SdtContentRun!.InnerText);

        // Ids are unique, and the root marks w14 ignorable.
        Assert.NotEqual(sdts[0].SdtProperties!.GetFirstChild<SdtId>()!.Val!.Value, sdts[1].SdtProperties!.GetFirstChild<SdtId>()!.Val!.Value);
        var root = docx.Package.MainDocumentPart!.Document!;
        Assert.Equal("w14", root.MCAttributes!.Ignorable!.Value);
        Assert.Equal("是", docx.Body.Descendants<Run>().Single(r => r.InnerText == "是").InnerText);
        Assert.Equal(0, OpenedDocx.Validate(docx.Package, FileFormatVersions.Microsoft365).Length);
        Assert.Equal(0, OpenedDocx.Validate(docx.Package, FileFormatVersions.Office2010).Length);
    }

    [Fact]
    public void EmptyBlank_IsUnderlinedSpaceOfItsWidth()
    {
        // 60 pt at 12 pt = 5 em = 10 half-width spaces.
        using var docx = One(new TextRun("签名：", BodyStyle), new Blank(null, 60f, BodyStyle));
        var run = docx.Body.Descendants<Run>().Last();
        Assert.Equal(new string(Nbsp, 10), run.InnerText);
        Assert.Equal(UnderlineValues.Single, run.RunProperties!.Underline!.Val!.Value);
        Assert.Equal(SpaceProcessingModeValues.Preserve, run.GetFirstChild<Text>()!.Space!.Value);
    }

    [Fact]
    public void FilledBlank_CentresItsTextWithPadding()
    {
        // 72 pt at 12 pt = 6 em; "张三" = 2 em → 4 em of padding = 8 half-width spaces, 4 each side.
        using var docx = One(new Blank("张三", 72f, BodyStyle), new Blank("AB12", 48f, BodyStyle));
        var runs = docx.Body.Descendants<Run>().ToList();
        Assert.Equal(new string(Nbsp, 4) + "张三" + new string(Nbsp, 4), runs[0].InnerText);
        // 48 pt = 4 em; "AB12" = 2 em → 4 spaces, 2 each side.
        Assert.Equal(new string(Nbsp, 2) + "AB12" + new string(Nbsp, 2), runs[1].InnerText);
        Assert.All(runs, r => Assert.NotNull(r.RunProperties!.Underline));
    }

    [Fact]
    public void OverlongBlank_KeepsTextWithoutPadding()
    {
        using var docx = One(new Blank("池州市贵池区秋浦西路", 24f, BodyStyle));
        Assert.Equal("池州市贵池区秋浦西路", docx.Body.Descendants<Run>().Single().InnerText);
    }

    [Fact]
    public void RunSizeBoldAndParagraphMarkSize()
    {
        using var docx = One(new TextRun("小号加粗", new TextStyle(FontFamilyKind.Serif, 10.5f, Bold: true)));
        var rPr = docx.Body.Descendants<Run>().Single().RunProperties!;
        Assert.Equal("21", rPr.FontSize!.Val!.Value);
        Assert.NotNull(rPr.Bold);
        Assert.Null(rPr.RunFonts);
        Assert.Equal(["b", "bCs", "sz", "szCs"], rPr.ChildElements.Select(e => e.LocalName));
        var mark = docx.Body.Descendants<ParagraphMarkRunProperties>().Single();
        Assert.Equal("21", mark.GetFirstChild<FontSize>()!.Val!.Value);
    }
}
