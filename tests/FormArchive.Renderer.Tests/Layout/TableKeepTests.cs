namespace FormArchive.Tests.Layout;

/// <summary>Keep-with-next for tables and rows, and widow control for a table's last row.</summary>
public class TableKeepTests
{
    private static string Rows(int count, string height = "40mm", string? keepAttr = null) =>
        string.Concat(Enumerable.Range(1, count).Select(i => $"<tr height=\"{height}\"{(keepAttr is not null && i < count ? keepAttr : "")}><td>行{i}</td></tr>"));

    [Fact]
    public void A_tables_last_row_never_goes_to_the_next_page_alone()
    {
        // A4 portrait body ≈ 728 pt; 40 mm rows ≈ 113 pt: six fit on page 1, the seventh would be alone on page 2.
        var pages = LayoutFixture.Compose($"<table widths=\"1fr\">{Rows(7)}</table>");
        Assert.Equal(2, pages.Count);
        var second = LayoutFixture.PageText(pages[1]);
        Assert.Contains("行6", second);
        Assert.Contains("行7", second);
    }

    [Fact]
    public void Rows_that_keep_with_next_move_together()
    {
        // Five single rows, then a group of three joined by keep-with-next, which does not fit after them.
        var body = $"<table widths=\"1fr\">{Rows(5)}<tr height=\"40mm\" keep-with-next=\"true\"><td>甲</td></tr><tr height=\"40mm\" keep-with-next=\"true\"><td>乙</td></tr><tr height=\"40mm\"><td>丙</td></tr></table>";
        var pages = LayoutFixture.Compose(body);
        Assert.Equal(2, pages.Count);
        var second = LayoutFixture.PageText(pages[1]);
        Assert.Contains("甲", second);
        Assert.Contains("乙", second);
        Assert.Contains("丙", second);
    }

    [Fact]
    public void A_table_that_keeps_with_next_moves_with_the_paragraph_after_it()
    {
        // 5 × 35 mm + 80 mm ≈ 723 pt fit on the 728 pt body; the paragraph after them does not.
        var body = $"<table widths=\"1fr\">{Rows(5, "35mm")}</table><table widths=\"1fr\" keep-with-next=\"true\"><tr height=\"80mm\"><td>末表</td></tr></table><p>填表说明：</p>";
        var pages = LayoutFixture.Compose(body);
        Assert.Equal(2, pages.Count);
        var second = LayoutFixture.PageText(pages[1]);
        Assert.Contains("末表", second);
        Assert.Contains("填表说明", second);
    }

    [Fact]
    public void Without_keep_the_last_paragraph_goes_alone()
    {
        var body = $"<table widths=\"1fr\">{Rows(5, "35mm")}</table><table widths=\"1fr\"><tr height=\"80mm\"><td>末表</td></tr></table><p>填表说明：</p>";
        var pages = LayoutFixture.Compose(body);
        Assert.Equal(2, pages.Count);
        Assert.DoesNotContain("末表", LayoutFixture.PageText(pages[1]));
    }
}
