using DocumentFormat.OpenXml.Wordprocessing;
using FormArchive.Renderer.Markup;
using FormArchive.Tests.Docx;

namespace FormArchive.Tests.Layout;

/// <summary>A table's &lt;caption&gt; heads every page the table runs onto, above the repeated head rows.</summary>
public class TableCaptionTests
{
    private const string Caption = "<caption><p align=\"center\" size=\"20pt\">卷 内 目 录</p><p align=\"right\">档号：J012-MZ3-017</p></caption>";

    private static string Rows(int count) =>
        string.Concat(Enumerable.Range(1, count).Select(i => $"<tr height=\"30mm\"><td>行{i}</td></tr>"));

    [Fact]
    public void Every_page_of_a_long_table_starts_with_its_caption_then_its_head_row()
    {
        var pages = LayoutFixture.Compose($"<table widths=\"1fr\" header-rows=\"1\">{Caption}<tr><td>题名</td></tr>{Rows(40)}</table>");
        Assert.True(pages.Count >= 3, $"40 rows of 30 mm need three pages, got {pages.Count}");
        foreach (var page in pages)
            Assert.StartsWith("卷 内 目 录档号：J012-MZ3-017题名行", LayoutFixture.PageText(page));
        // The caption's room is taken from the rows: 40 rows of 85 pt on a 728 pt body, less caption and head row.
        var rows = pages.Sum(p => LayoutFixture.PageText(p).Split('行').Length - 1);
        Assert.Equal(40, rows);
    }

    [Fact]
    public void The_caption_comes_first_once_and_holds_only_paragraphs()
    {
        Assert.Contains("first element", Assert.Throws<MarkupException>(() =>
            MarkupParser.Parse($"<document title=\"t\"><table widths=\"1fr\"><tr><td>甲</td></tr>{Caption}</table></document>")).Message);
        Assert.Contains("first element", Assert.Throws<MarkupException>(() =>
            MarkupParser.Parse($"<document title=\"t\"><table widths=\"1fr\">{Caption}{Caption}<tr><td>甲</td></tr></table></document>")).Message);
        Assert.Contains("may contain only", Assert.Throws<MarkupException>(() =>
            MarkupParser.Parse("<document title=\"t\"><table widths=\"1fr\"><caption><table widths=\"1fr\"><tr><td>乙</td></tr></table></caption><tr><td>甲</td></tr></table></document>")).Message);
        Assert.Contains("empty", Assert.Throws<MarkupException>(() =>
            MarkupParser.Parse("<document title=\"t\"><table widths=\"1fr\"><caption/><tr><td>甲</td></tr></table></document>")).Message);
    }

    [Fact]
    public void In_DOCX_the_caption_is_a_rule_less_first_header_row_and_the_document_validates()
    {
        var model = MarkupParser.Parse($"<document title=\"t\" paper=\"A4\"><table widths=\"20mm 1fr\" header-rows=\"1\">{Caption}<tr><td>件号</td><td>题名</td></tr>{Rows(1).Replace("</td>", "</td><td>x</td>")}</table></document>");
        using var docx = new OpenedDocx(model);
        var rows = docx.Body.Descendants<TableRow>().ToList();
        Assert.Equal(3, rows.Count);
        Assert.NotNull(rows[0].TableRowProperties!.GetFirstChild<TableHeader>());
        Assert.NotNull(rows[1].TableRowProperties!.GetFirstChild<TableHeader>());
        Assert.Null(rows[2].TableRowProperties!.GetFirstChild<TableHeader>());
        var cell = rows[0].Elements<TableCell>().Single();
        Assert.Equal(2, cell.TableCellProperties!.GridSpan!.Val!.Value);
        Assert.Equal(BorderValues.Nil, cell.TableCellProperties.TableCellBorders!.TopBorder!.Val!.Value);
        Assert.Contains("卷 内 目 录", cell.InnerText);
        Assert.Contains("档号：J012-MZ3-017", cell.InnerText);
        Assert.Equal("", OpenedDocx.Validate(docx.Package, DocumentFormat.OpenXml.FileFormatVersions.Office2016));
    }
}
