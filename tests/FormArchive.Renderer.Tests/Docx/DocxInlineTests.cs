using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using FormArchive.Renderer.Model;
using static FormArchive.Tests.Docx.DocxSampleDocuments;
using ModelParagraph = FormArchive.Renderer.Model.Paragraph;
using Paragraph = DocumentFormat.OpenXml.Wordprocessing.Paragraph;
using Table = DocumentFormat.OpenXml.Wordprocessing.Table;
using TableCell = DocumentFormat.OpenXml.Wordprocessing.TableCell;
using TableRow = DocumentFormat.OpenXml.Wordprocessing.TableRow;
using W14 = DocumentFormat.OpenXml.Office2010.Word;
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

    private static readonly FormArchive.Renderer.Layout.ITextMeasurer Metrics =
        new FormArchive.Renderer.Pdf.FontTextMeasurer(FormArchive.Renderer.Pdf.FontLibrary.Default);

    /// <summary>Width of a padding run in points: its no-break space plus its character spacing.</summary>
    private static float PadWidth(Run run)
    {
        Assert.Equal(Nbsp.ToString(), run.InnerText);
        Assert.Equal(UnderlineValues.Single, run.RunProperties!.Underline!.Val!.Value);
        var spacing = run.RunProperties.GetFirstChild<Spacing>()?.Val?.Value ?? 0;
        return spacing / 20f + Metrics.Width(Nbsp.ToString(), BodyStyle);
    }

    [Fact]
    public void EmptyBlank_IsUnderlinedSpaceOfItsWidth()
    {
        using var docx = One(new TextRun("签名：", BodyStyle), new Blank(null, 60f, BodyStyle));
        var runs = docx.Body.Descendants<Run>().Skip(1).ToList();
        // Two padding runs, then a zero-width word joiner so the line's last padding keeps its spacing.
        Assert.Equal(3, runs.Count);
        Assert.Equal("\u2060", runs[2].InnerText);
        Assert.Null(runs[2].RunProperties?.Underline);
        runs.RemoveAt(2);
        Assert.InRange(runs.Sum(PadWidth), 59.9f, 60.1f);
        Assert.Equal(SpaceProcessingModeValues.Preserve, runs[0].GetFirstChild<Text>()!.Space!.Value);
    }

    [Fact]
    public void FilledBlank_CentresItsTextWithPadding()
    {
        using var docx = One(new Blank("张三", 72f, BodyStyle), new Blank("AB12", 48f, BodyStyle));
        var runs = docx.Body.Descendants<Run>().Where(r => r.InnerText != "\u2060").ToList();
        Assert.Equal(6, runs.Count);
        Assert.Equal("张三", runs[1].InnerText);
        Assert.Equal("AB12", runs[4].InnerText);
        Assert.All(runs, r => Assert.NotNull(r.RunProperties!.Underline));
        // Padding on both sides is equal and the whole blank is as wide as the PDF draws it.
        Assert.Equal(PadWidth(runs[0]), PadWidth(runs[2]));
        Assert.InRange(PadWidth(runs[0]) + Metrics.Width("张三", BodyStyle) + PadWidth(runs[2]), 71.9f, 72.1f);
        Assert.InRange(PadWidth(runs[3]) + Metrics.Width("AB12", BodyStyle) + PadWidth(runs[5]), 47.9f, 48.1f);
    }

    [Fact]
    public void OverlongBlank_KeepsTextWholeWithHalfAnEmEachSide()
    {
        using var docx = One(new Blank("池州市贵池区秋浦西路", 24f, BodyStyle));
        var runs = docx.Body.Descendants<Run>().ToList();
        Assert.Equal("池州市贵池区秋浦西路", runs[1].InnerText);
        Assert.InRange(PadWidth(runs[0]), 5.9f, 6.1f);
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
