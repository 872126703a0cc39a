using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using FormArchive.Renderer.Docx;
using FormArchive.Renderer.Model;
using static FormArchive.Tests.Docx.DocxSampleDocuments;
using ModelParagraph = FormArchive.Renderer.Model.Paragraph;
using Paragraph = DocumentFormat.OpenXml.Wordprocessing.Paragraph;
using Table = DocumentFormat.OpenXml.Wordprocessing.Table;
using TableCell = DocumentFormat.OpenXml.Wordprocessing.TableCell;
using TableRow = DocumentFormat.OpenXml.Wordprocessing.TableRow;
using TextAlignment = FormArchive.Renderer.Model.TextAlignment;
namespace FormArchive.Tests.Docx;

public sealed class DocxWriterTests
{
    [Theory]
    [InlineData(FileFormatVersions.Office2019, PageOrientation.Portrait)]
    [InlineData(FileFormatVersions.Microsoft365, PageOrientation.Portrait)]
    [InlineData(FileFormatVersions.Microsoft365, PageOrientation.Landscape)]
    public void FormDocument_HasNoValidationErrors(FileFormatVersions version, PageOrientation orientation)
    {
        using var docx = new OpenedDocx(Form(orientation));
        var errors = OpenedDocx.Validate(docx.Package, version);
        Assert.True(errors.Length == 0, errors);
    }

    [Fact]
    public void FormDocument_TextComesBackInOrder()
    {
        using var docx = new OpenedDocx(Form());
        var text = docx.AllText;
        string[] expected =
        [
            Title, "申请人", "张三", "：你于", "提出的申请已受理", "一、申请事项", "\u2611", "最低生活保障", "\u2610", "特困人员救助供养",
            "项目", "内容", "姓名", "张三", "性别", "男", "李四", "年龄", "45", "地址", "池州市贵池区", "住房", "自有", "居住情况", "车辆", "无",
            "备注", "签名", "二、家庭成员", "序号", "身份证号", "1", "14", "特殊字符：" + Special, "第二行", "受理单位（盖章）", "年", "月", "日",
        ];
        var at = 0;
        foreach (var piece in expected)
        {
            var found = text.IndexOf(piece, at, StringComparison.Ordinal);
            Assert.True(found >= 0, $"'{piece}' not found after position {at} in: {text}");
            at = found + piece.Length;
        }
    }

    [Fact]
    public void XmlSpecialCharacters_RoundTripAsText()
    {
        using var docx = new OpenedDocx(Single(new ModelParagraph([new TextRun(Special, BodyStyle)], ParagraphStyle.Default)));
        Assert.Equal(Special, Assert.Single(docx.Body.Descendants<Text>()).Text);
        Assert.Equal(0, OpenedDocx.Validate(docx.Package, FileFormatVersions.Microsoft365).Length);

        using var zip = new ZipArchive(new MemoryStream(docx.Bytes));
        using var reader = new StreamReader(zip.GetEntry("word/document.xml")!.Open());
        var xml = reader.ReadToEnd();
        Assert.Contains("&lt;x&gt;&amp;\"]]&gt;", xml);
        Assert.DoesNotContain("<x>", xml);
    }

    [Fact]
    public void ControlCharactersAreDroppedAndNewlinesBecomeBreaks()
    {
        using var docx = new OpenedDocx(Single(new ModelParagraph([new TextRun("甲\u0001乙\n丙\t丁", BodyStyle)], ParagraphStyle.Default)));
        var run = Assert.Single(docx.Body.Descendants<Run>());
        Assert.Equal("甲乙丙丁", string.Concat(run.Elements<Text>().Select(t => t.Text)));
        Assert.Single(run.Elements<Break>());
        Assert.Single(run.Elements<TabChar>());
        Assert.Equal(0, OpenedDocx.Validate(docx.Package, FileFormatVersions.Microsoft365).Length);
    }

    [Fact]
    public void PortraitA4_PageSizeAndMarginsInTwips()
    {
        using var docx = new OpenedDocx(Form(PageOrientation.Portrait));
        var sectPr = docx.Body.Elements<SectionProperties>().Single();
        Assert.Same(sectPr, docx.Body.LastChild);
        var size = sectPr.GetFirstChild<PageSize>()!;
        Assert.Equal(11906u, size.Width!.Value);
        Assert.Equal(16838u, size.Height!.Value);
        Assert.Null(size.Orient);
        var margin = sectPr.GetFirstChild<PageMargin>()!;
        Assert.Equal(1134, margin.Top!.Value);
        Assert.Equal(1134u, margin.Left!.Value);
        Assert.Equal(1134u, margin.Right!.Value);
        Assert.Equal(1134, margin.Bottom!.Value);
    }

    [Fact]
    public void LandscapeA4_SwapsSizeAndSetsOrientation()
    {
        using var docx = new OpenedDocx(Form(PageOrientation.Landscape));
        var size = docx.Body.Elements<SectionProperties>().Single().GetFirstChild<PageSize>()!;
        Assert.Equal(16838u, size.Width!.Value);
        Assert.Equal(11906u, size.Height!.Value);
        Assert.Equal(PageOrientationValues.Landscape, size.Orient!.Value);
    }

    [Fact]
    public void CustomMargins_AreWrittenPerSide()
    {
        var model = Single(new ModelParagraph([new TextRun("x", BodyStyle)], ParagraphStyle.Default)) with
        {
            Page = new PageSetup(PageSetup.A4ShortPt, PageSetup.A4LongPt, 70.87f, 56.69f, 56.69f, 70.87f),
        };
        using var docx = new OpenedDocx(model);
        var margin = docx.Body.Elements<SectionProperties>().Single().GetFirstChild<PageMargin>()!;
        Assert.Equal(1417, margin.Top!.Value);
        Assert.Equal(1134u, margin.Right!.Value);
        Assert.Equal(1134, margin.Bottom!.Value);
        Assert.Equal(1417u, margin.Left!.Value);
    }

    [Fact]
    public void CoreProperties_ComeFromDocumentInfo()
    {
        using var docx = new OpenedDocx(Form());
#pragma warning disable OOXML0001
        var props = docx.Package.PackageProperties;
#pragma warning restore OOXML0001
        Assert.Equal(Title, props.Title);
        Assert.Equal("低收入人口认定", props.Subject);
        Assert.Equal("贵池区民政局", props.Creator);
        Assert.Equal("低保;受理", props.Keywords);
        Assert.Equal(new DateTime(2024, 5, 1, 0, 30, 0, DateTimeKind.Utc), props.Created!.Value.ToUniversalTime());
    }

    [Fact]
    public void Styles_DefaultToSongtiAndHeadingsUseHeiti()
    {
        using var docx = new OpenedDocx(Form());
        var styles = docx.Package.MainDocumentPart!.StyleDefinitionsPart!.Styles!;
        var defaults = styles.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!.RunFonts!;
        Assert.Equal("宋体", defaults.EastAsia!.Value);
        Assert.Equal("Times New Roman", defaults.Ascii!.Value);
        Assert.Equal("Times New Roman", defaults.HighAnsi!.Value);
        foreach (var id in new[] { "Heading1", "Heading2", "Heading3" })
        {
            var style = styles.Elements<Style>().Single(s => s.StyleId == id);
            Assert.Equal("黑体", style.StyleRunProperties!.RunFonts!.EastAsia!.Value);
        }

        var headings = docx.Body.Elements<Paragraph>().Where(p => p.ParagraphProperties?.ParagraphStyleId is not null).ToList();
        Assert.Equal(["Heading1", "Heading2", "Heading2"], headings.Select(p => p.ParagraphProperties!.ParagraphStyleId!.Val!.Value!));
        Assert.All(headings, h => Assert.NotNull(h.ParagraphProperties!.KeepNext));
        // 18 pt heading → 36 half-points; Sans run inside a 黑体 heading needs no rFonts of its own.
        var h1Run = headings[0].Elements<Run>().Single();
        Assert.Equal("36", h1Run.RunProperties!.FontSize!.Val!.Value);
        Assert.Null(h1Run.RunProperties.RunFonts);
        // Bold 15 pt h2.
        Assert.NotNull(headings[1].Elements<Run>().Single().RunProperties!.Bold);
    }

    [Fact]
    public void SansAndUnderlineRunsInBodyText()
    {
        using var docx = new OpenedDocx(Form());
        var run = docx.Body.Descendants<Run>().Single(r => r.InnerText == "第二行");
        Assert.Equal("黑体", run.RunProperties!.RunFonts!.EastAsia!.Value);
        Assert.Equal(UnderlineValues.Single, run.RunProperties.Underline!.Val!.Value);
        var breakRun = run.PreviousSibling<Run>()!;
        Assert.NotNull(breakRun.GetFirstChild<Break>());
        Assert.Null(breakRun.GetFirstChild<Break>()!.Type);
    }

    [Fact]
    public void Paragraph_line_pitch_is_the_layouts_for_its_largest_size()
    {
        var style = new ParagraphStyle(LineSpacing: 1.3f);
        var big = BodyStyle with { SizePt = 14f };
        var model = new ModelParagraph([new TextRun("小字", BodyStyle with { SizePt = 10.5f }), new TextRun("大字", big)], style);
        using var docx = new OpenedDocx(Single(model));
        var spacing = docx.Body.Elements<Paragraph>().First().ParagraphProperties!.SpacingBetweenLines!;
        var layoutPitch = FormArchive.Renderer.Layout.LinePitch.For(14f, 1.3f);
        Assert.Equal(((int)MathF.Round(layoutPitch * 20f)).ToString(), spacing.Line!.Value);
        Assert.Equal("364", spacing.Line.Value);
        Assert.Equal(LineSpacingRuleValues.Exact, spacing.LineRule!.Value);
    }

    [Fact]
    public void Paragraph_MapsAlignmentIndentSpacingAndKeepNext()
    {
        var style = new ParagraphStyle(TextAlignment.Justify, FirstLineIndentPt: 24f, SpaceBeforePt: 3f, SpaceAfterPt: 6f, LineSpacing: 1.5f, KeepWithNext: true);
        using var docx = new OpenedDocx(Single(new ModelParagraph([new TextRun("正文", BodyStyle)], style)));
        var pPr = docx.Body.Elements<Paragraph>().First().ParagraphProperties!;
        Assert.Equal(JustificationValues.Both, pPr.Justification!.Val!.Value);
        Assert.Equal("480", pPr.Indentation!.FirstLine!.Value);
        Assert.Equal("60", pPr.SpacingBetweenLines!.Before!.Value);
        Assert.Equal("120", pPr.SpacingBetweenLines.After!.Value);
        Assert.Equal("360", pPr.SpacingBetweenLines.Line!.Value);
        // Exact pitch, as the PDF layout spaces the lines (12 pt × 1.5), never the office suite's own line height.
        Assert.Equal(LineSpacingRuleValues.Exact, pPr.SpacingBetweenLines.LineRule!.Value);
        Assert.NotNull(pPr.KeepNext);
        // Schema order: keepNext, spacing, ind, jc.
        Assert.Equal(["keepNext", "spacing", "ind", "jc"], pPr.ChildElements.Select(e => e.LocalName));
    }

    [Fact]
    public void PageBreakAndSpacer()
    {
        using var docx = new OpenedDocx(Form());
        var breaks = docx.Body.Descendants<Break>().Where(b => b.Type?.Value == BreakValues.Page).ToList();
        var pageBreak = Assert.Single(breaks);
        Assert.IsType<Body>(pageBreak.Parent!.Parent!.Parent);

        var spacer = pageBreak.Parent!.Parent!.PreviousSibling<Paragraph>()!;
        var spacing = spacer.ParagraphProperties!.SpacingBetweenLines!;
        Assert.Equal("240", spacing.Line!.Value);
        Assert.Equal(LineSpacingRuleValues.Exact, spacing.LineRule!.Value);
        Assert.Empty(spacer.Elements<Run>());
    }

    [Fact]
    public void SealArea_ReservesSpaceThenLabelThenHandwrittenDate()
    {
        using var docx = new OpenedDocx(Form());
        var paragraphs = docx.Body.Elements<Paragraph>().ToList();
        var label = paragraphs.Single(p => p.InnerText == "受理单位（盖章）");
        var date = label.NextSibling<Paragraph>()!;
        Assert.Equal("\u3000\u3000\u3000\u3000年\u3000\u3000月\u3000\u3000日", date.InnerText);
        Assert.Equal(JustificationValues.Right, label.ParagraphProperties!.Justification!.Val!.Value);
        Assert.Equal(JustificationValues.Right, date.ParagraphProperties!.Justification!.Val!.Value);
        Assert.NotNull(label.ParagraphProperties.KeepNext);

        var reserve = label.PreviousSibling<Paragraph>()!;
        Assert.Equal("1020", reserve.ParagraphProperties!.SpacingBetweenLines!.Line!.Value); // 51 pt
        Assert.Equal(LineSpacingRuleValues.Exact, reserve.ParagraphProperties.SpacingBetweenLines.LineRule!.Value);
        Assert.NotNull(reserve.ParagraphProperties.KeepNext);
    }

    [Fact]
    public void SealArea_UsesGivenDateAndAlignment()
    {
        using var docx = new OpenedDocx(Single(new SealArea("民政办（盖章）", "2024年5月1日", 40f, TextAlignment.Center, BodyStyle)));
        var paragraphs = docx.Body.Elements<Paragraph>().ToList();
        Assert.Equal(["", "民政办（盖章）", "2024年5月1日"], paragraphs.Select(p => p.InnerText));
        Assert.All(paragraphs.Skip(1), p => Assert.Equal(JustificationValues.Center, p.ParagraphProperties!.Justification!.Val!.Value));
    }

    [Fact]
    public void Write_CopiesTheSameDocumentToAnyStream()
    {
        var model = Form();
        var bytes = DocxWriter.ToArray(model);
        using var output = new MemoryStream();
        DocxWriter.Write(model, output);
        Assert.Equal("PK"u8.ToArray(), output.ToArray()[..2]);
        // Relationship ids are random, so compare the main document part rather than the whole package.
        Assert.Equal(Entry(bytes, "word/document.xml"), Entry(output.ToArray(), "word/document.xml"));
    }

    private static string Entry(byte[] package, string name)
    {
        using var zip = new ZipArchive(new MemoryStream(package));
        using var reader = new StreamReader(zip.GetEntry(name)!.Open());
        return reader.ReadToEnd();
    }
}
