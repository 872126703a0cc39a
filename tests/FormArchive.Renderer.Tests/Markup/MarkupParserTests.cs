using FormArchive.Renderer.Markup;
using FormArchive.Renderer.Model;

namespace FormArchive.Tests.Markup;

public class MarkupParserTests
{
    private static DocumentModel Parse(string body, string rootAttributes = "") =>
        MarkupParser.Parse($"<document title=\"T\"{rootAttributes}>\n{body}\n</document>");

    [Fact]
    public void Page_setup_defaults_to_A4_portrait_and_reads_margins_and_orientation()
    {
        var portrait = Parse("<p>x</p>");
        Assert.Equal(PageSetup.A4ShortPt, portrait.Page.WidthPt, 2);
        Assert.Equal(PageSetup.A4LongPt, portrait.Page.HeightPt, 2);

        var landscape = Parse("<p>x</p>", " orientation=\"landscape\" margin=\"10mm 20mm\"");
        Assert.Equal(PageOrientation.Landscape, landscape.Page.Orientation);
        Assert.Equal(10 * Length.PointsPerMm, landscape.Page.MarginTopPt, 2);
        Assert.Equal(20 * Length.PointsPerMm, landscape.Page.MarginLeftPt, 2);
    }

    [Fact]
    public void Paragraph_inlines_keep_order_and_styles()
    {
        var doc = Parse("<p indent=\"2em\" align=\"justify\"><blank width=\"20mm\">张三</blank>同志：<span bold=\"true\">特此</span><checkbox checked=\"true\"/>低保<checkbox/><br/>末</p>");
        var p = Assert.IsType<Paragraph>(Assert.Single(doc.Blocks));
        Assert.Equal(TextAlignment.Justify, p.Style.Alignment);
        Assert.Equal(24f, p.Style.FirstLineIndentPt, 2);
        Assert.Collection(p.Inlines,
            i => Assert.Equal("张三", Assert.IsType<Blank>(i).Text),
            i => Assert.Equal("同志：", Assert.IsType<TextRun>(i).Text),
            i => Assert.True(Assert.IsType<TextRun>(i).Style.Bold),
            i => Assert.True(Assert.IsType<Checkbox>(i).Checked),
            i => Assert.Equal("低保", Assert.IsType<TextRun>(i).Text),
            i => Assert.False(Assert.IsType<Checkbox>(i).Checked),
            i => Assert.IsType<LineBreak>(i),
            i => Assert.Equal("末", Assert.IsType<TextRun>(i).Text));
    }

    [Fact]
    public void Empty_blank_is_a_space_for_handwriting_with_its_width()
    {
        var p = (Paragraph)Parse("<p><blank width=\"30mm\"> </blank></p>").Blocks[0];
        var blank = Assert.IsType<Blank>(Assert.Single(p.Inlines));
        Assert.Null(blank.Text);
        Assert.Equal(30 * Length.PointsPerMm, blank.WidthPt, 2);
    }

    [Fact]
    public void White_space_collapses_and_source_line_breaks_between_Chinese_characters_vanish()
    {
        var p = (Paragraph)Parse("<p>\n   您提交的低收入人口申请\n   及相关资料齐全，  现予受理。 Total   2  items\n</p>").Blocks[0];
        var text = string.Concat(p.Inlines.OfType<TextRun>().Select(r => r.Text));
        Assert.Equal("您提交的低收入人口申请及相关资料齐全， 现予受理。 Total 2 items", text);
    }

    [Fact]
    public void Table_reads_widths_spans_header_rows_and_row_heights()
    {
        var doc = Parse("""
            <table widths="20mm 1fr 2fr" header-rows="1">
              <tr><td>姓名</td><td colspan="2">身份证号码</td></tr>
              <tr height="10mm"><td rowspan="2">甲</td><td>1</td><td>2</td></tr>
              <tr><td>3</td><td><p align="left">4</p></td></tr>
            </table>
            """);
        var table = Assert.IsType<Table>(Assert.Single(doc.Blocks));
        Assert.Equal(3, table.Columns.Count);
        Assert.False(table.Columns[0].IsFraction);
        Assert.True(table.Columns[2].IsFraction);
        Assert.Equal(2f, table.Columns[2].Value);
        Assert.Equal(1, table.HeaderRowCount);
        Assert.Equal(2, table.Rows[0].Cells[1].ColSpan);
        Assert.Equal(2, table.Rows[1].Cells[0].RowSpan);
        Assert.Equal(10 * Length.PointsPerMm, table.Rows[1].MinHeightPt, 2);
        Assert.Equal(2, table.Rows[2].Cells.Count);
        var cellParagraph = Assert.IsType<Paragraph>(Assert.Single(table.Rows[2].Cells[1].Content));
        Assert.Equal(TextAlignment.Left, cellParagraph.Style.Alignment);
    }

    [Fact]
    public void Seal_area_reads_label_date_and_defaults()
    {
        var seal = Assert.IsType<SealArea>(Parse("<seal label=\"受理单位（盖章）\" date=\"2024年6月3日\"/>").Blocks[0]);
        Assert.Equal("受理单位（盖章）", seal.Label);
        Assert.Equal("2024年6月3日", seal.DateText);
        Assert.Equal(TextAlignment.Right, seal.Alignment);
        Assert.Equal(["受理单位（盖章）", "2024年6月3日"], seal.Lines);

        var withUnit = Assert.IsType<SealArea>(Parse("<seal label=\"受理单位（盖章）\" unit=\"木镇镇人民政府\"/>").Blocks[0]);
        Assert.Equal(["受理单位（盖章）", "木镇镇人民政府", SealArea.HandwrittenDate], withUnit.Lines);
    }

    [Theory]
    [InlineData("<p>a</p>\n<bogus/>", 3, "bogus")]
    [InlineData("<p>a</p>\n<p><blank width=\"wide\"/></p>", 3, "blank")]
    [InlineData("<p>\n<checkbox checked=\"yes\"/></p>", 3, "checkbox")]
    [InlineData("<table widths=\"1fr 1fr\">\n<tr><td colspan=\"3\">x</td></tr></table>", 3, "tr")]
    [InlineData("<table widths=\"1fr 1fr\">\n<tr><td>x</td></tr></table>", 3, "tr")]
    [InlineData("<p>a</p>\nloose text", 1, "document")]
    [InlineData("<table widths=\"1fr\"><tr><td><pagebreak/></td></tr></table>", 2, "pagebreak")]
    public void Bad_markup_names_the_line_and_element(string body, int line, string element)
    {
        var e = Assert.Throws<MarkupException>(() => Parse(body));
        Assert.Equal(line, e.Line);
        Assert.Equal(element, e.Element);
        Assert.Contains($"line {line}", e.Message);
        Assert.Contains($"<{element}>", e.Message);
    }

    [Fact]
    public void Malformed_xml_is_reported_with_its_line()
    {
        var e = Assert.Throws<MarkupException>(() => MarkupParser.Parse("<document title=\"t\">\n<p>\n</document>"));
        Assert.Equal(3, e.Line);
    }

    [Fact]
    public void Dtds_are_prohibited_so_entities_cannot_expand()
    {
        const string bomb = "<!DOCTYPE d [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;\">]><document title=\"t\"><p>&b;</p></document>";
        var e = Assert.Throws<MarkupException>(() => MarkupParser.Parse(bomb));
        Assert.Contains("DTD", e.Message);
    }
}
