using System.Text;
using FormArchive.Renderer.Layout;

namespace FormArchive.Tests.Layout;

public class PagingTests
{
    private static string MemberTable(int rows, string extraRowAttributes = "")
    {
        var sb = new StringBuilder("<table widths=\"25mm 1fr 45mm\" header-rows=\"1\"><tr><td>姓名</td><td>与申请人关系</td><td>身份证号码</td></tr>");
        for (var i = 1; i <= rows; i++) sb.Append($"<tr height=\"30mm\"{extraRowAttributes}><td>成员{i}</td><td>子</td><td>34170219580307001X</td></tr>");
        return sb.Append("</table>").ToString();
    }

    [Fact]
    public void A_long_table_splits_between_rows_and_repeats_its_header_on_every_page()
    {
        var pages = LayoutFixture.Compose("<h1>审核确认表</h1>" + MemberTable(15));
        Assert.True(pages.Count >= 2, $"{pages.Count} pages");
        foreach (var page in pages)
        {
            var header = page.Texts.Where(t => t.Text == "姓名").ToList();
            Assert.Single(header);
            // The header is the topmost table text on the page.
            var firstMember = page.Texts.First(t => t.Text.StartsWith("成员"));
            Assert.True(header[0].BaselineY < firstMember.BaselineY);
        }
        var members = pages.SelectMany(p => p.Texts).Where(t => t.Text.StartsWith("成员")).Select(t => t.Text).ToList();
        Assert.Equal(Enumerable.Range(1, 15).Select(i => $"成员{i}"), members);
    }

    [Fact]
    public void Multi_page_documents_are_numbered_and_single_pages_are_not()
    {
        var pages = LayoutFixture.Compose(MemberTable(15));
        for (var i = 0; i < pages.Count; i++)
            Assert.Contains(pages[i].Texts, t => t.Text == PageComposer.PageNumberText(i + 1, pages.Count));
        var single = LayoutFixture.Compose(MemberTable(2));
        Assert.Single(single);
        Assert.DoesNotContain(single[0].Texts, t => t.Text.StartsWith("第 "));
    }

    [Fact]
    public void A_long_paragraph_continues_on_the_next_page_without_losing_or_repeating_text()
    {
        var text = string.Concat(Enumerable.Range(0, 120).Select(i => $"第{i}句家庭困难综合情况说明，"));
        var pages = LayoutFixture.Compose($"<p>{text}</p>");
        Assert.True(pages.Count >= 2);
        Assert.Equal(text, string.Concat(pages.Select(p => string.Concat(p.Texts.Where(t => !t.Text.StartsWith("第 ")).Select(t => t.Text)))));
    }

    [Fact]
    public void A_single_row_taller_than_a_page_splits_inside_its_cells()
    {
        var text = string.Concat(Enumerable.Range(0, 150).Select(i => $"家庭经济状况第{i}项，"));
        var pages = LayoutFixture.Compose($"<table widths=\"30mm 1fr\"><tr><td>家庭经济状况</td><td><p>{text}</p></td></tr></table>");
        Assert.True(pages.Count >= 2);
        var drawn = string.Concat(pages.SelectMany(p => p.Texts).Where(t => t.Text != "家庭经济状况" && !t.Text.StartsWith("第 ")).Select(t => t.Text));
        Assert.Equal(text, drawn);
    }

    [Fact]
    public void A_heading_is_not_left_alone_at_the_bottom_of_a_page()
    {
        // Fill most of page one, then a heading and a table that cannot fit below it.
        var pages = LayoutFixture.Compose("<spacer height=\"220mm\"/><h2>共同生活家庭成员</h2>" + MemberTable(2));
        Assert.Equal(2, pages.Count);
        Assert.DoesNotContain(pages[0].Texts, t => t.Text == "共同生活家庭成员");
        Assert.Contains(pages[1].Texts, t => t.Text == "共同生活家庭成员");
    }

    [Fact]
    public void Page_break_starts_a_new_page()
    {
        var pages = LayoutFixture.Compose("<p>一</p><pagebreak/><p>二</p>");
        Assert.Equal(2, pages.Count);
        Assert.Contains(pages[1].Texts, t => t.Text == "二");
    }

    [Fact]
    public void Rows_joined_by_a_span_taller_than_a_page_are_a_clear_error()
    {
        var sb = new StringBuilder("<table widths=\"1fr 1fr\"><tr height=\"10mm\"><td rowspan=\"40\">合并</td><td>1</td></tr>");
        for (var i = 2; i <= 40; i++) sb.Append($"<tr height=\"10mm\"><td>{i}</td></tr>");
        var e = Assert.Throws<LayoutException>(() => LayoutFixture.Compose(sb.Append("</table>").ToString()));
        Assert.Contains("taller than a whole page", e.Message);
    }
}
