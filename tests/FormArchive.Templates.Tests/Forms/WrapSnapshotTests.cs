using System.Text.RegularExpressions;
using FormArchive.Renderer.Rendering;

namespace FormArchive.Tests.Forms;

/// <summary>
/// The wraps issue 12 found in the PDFs, read back with PdfPig line by line (as <see cref="SnapshotTests"/> does):
/// occupation names, names with ·, header labels and 不予批准 stay whole, and no line holds one character and its
/// punctuation alone.
/// </summary>
public partial class WrapSnapshotTests
{
    private static string[] Lines(string formId, string? sample)
    {
        var pdf = new DocumentRenderer().Render(FormsFixture.Model(formId, sample), OutputFormat.Pdf).Content;
        return SnapshotTests.Words(pdf).Split('\n');
    }

    [Theory]
    [InlineData("chizhou.home-visit-survey", "case-dibao-9-members.json", "灵活就业人员")]
    [InlineData("chizhou.home-visit-survey", "case-marginal-minority.json", "买买提·艾力")]
    [InlineData("chizhou.home-visit-survey", "case-marginal-minority.json", "登记失业人员")]
    [InlineData("chizhou.review-form", "case-marginal-minority.json", "阿依古丽·吐尔逊")]
    [InlineData("chizhou.review-form", "case.json", "年赡（抚、扶）")]
    [InlineData("chizhou.review-form", "case.json", "（健康、一般、残疾、患病）")]
    [InlineData("chizhou.rejection-notice", "notice-rejection.json", "不予批准。")]
    [InlineData("yunyang.application", "case-marginal-minority.json", "买买提·艾力")]
    public void Stays_on_one_line(string formId, string sample, string text)
    {
        var lines = Lines(formId, sample);
        Assert.Contains(lines, l => l.Split(' ').Contains(text));
    }

    [Fact]
    public void A_name_too_long_for_its_cell_at_the_minimum_size_breaks_after_its_middle_dot()
    {
        var lines = Lines("chizhou.home-visit-survey", "case-marginal-minority.json");
        Assert.Contains(lines, l => l.Split(' ').Contains("阿依古丽·"));
        Assert.Contains(lines, l => l.Split(' ').Contains("吐尔逊"));
    }

    public static IEnumerable<object?[]> Cases => FormsFixture.Cases();

    [Theory]
    [MemberData(nameof(Cases))]
    public void No_line_is_one_character_and_its_punctuation(string formId, string? sample)
    {
        foreach (var line in Lines(formId, sample))
            Assert.False(LoneCharacter().IsMatch(line), $"{formId} {sample ?? "blank"}: a line holds only “{line}”");
    }

    [GeneratedRegex(@"^\p{IsCJKUnifiedIdeographs}[。，；、）”]+$")]
    private static partial Regex LoneCharacter();
}

/// <summary>The last block of a form is never alone on its last page (issue 12's three orphans).</summary>
public class OrphanedLastPageTests
{
    private static IReadOnlyList<string> PageTexts(string formId, string sample)
    {
        var pdf = new DocumentRenderer().Render(FormsFixture.Model(formId, sample), OutputFormat.Pdf).Content;
        var pages = SnapshotTests.Words(pdf).Split("--- page ", StringSplitOptions.RemoveEmptyEntries);
        return pages.Select(p => p.Replace(" ", "")).ToList();
    }

    [Fact]
    public void Review_form_15_members_last_page_holds_the_economic_status_with_the_notes()
    {
        var last = PageTexts("chizhou.review-form", "case-15-members.json")[^1];
        Assert.Contains("填表说明", last);
        Assert.Contains("共同生活家庭成员15人", last);
    }

    [Fact]
    public void Yunyang_application_40_members_keeps_the_pledge_with_the_acceptance_row()
    {
        var last = PageTexts("yunyang.application", "yunyang-case-40-members.json")[^1];
        Assert.Contains("受理人", last);
        Assert.Contains("本人承诺", last);
        Assert.Contains("申请人（签名）", last);
    }

    [Fact]
    public void Dynamic_record_long_address_keeps_the_third_visit_together()
    {
        var pages = PageTexts("chizhou.dynamic-management-record", "management-visits-long-address.json");
        foreach (var page in pages)
        {
            // Every page that has a conclusion also has its visit's date row and findings.
            var conclusions = CountOf(page, "调查结论");
            Assert.Equal(conclusions, CountOf(page, "入户时间"));
            Assert.Equal(conclusions, CountOf(page, "调查情况"));
        }
    }

    private static int CountOf(string text, string word)
    {
        var n = 0;
        for (var i = text.IndexOf(word, StringComparison.Ordinal); i >= 0; i = text.IndexOf(word, i + 1, StringComparison.Ordinal)) n++;
        return n;
    }
}
