using System.Text.Json.Nodes;
using FormArchive.Domain;
using FormArchive.Tests.Docx.LibreOffice;
using FormArchive.Tests.Support;

namespace FormArchive.Tests.Forms;

/// <summary>
/// Every form that prints a township or village before its own suffix label prints the name through
/// <see cref="PlaceName"/>: never "尧渡镇 乡镇（街道）", and all forms alike.
/// </summary>
public class PlaceNameOnFormsTests
{
    public static IEnumerable<object?[]> Cases => FormsFixture.Cases().Where(c => c[1] is not null);

    private static readonly string[] TownshipLabels = ["乡镇（街道）", "镇（街道）"];
    private static readonly string[] VillageLabels = ["村（居）", "村（社区）"];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Place_names_before_a_suffix_label_drop_their_own_suffix(string formId, string sample)
    {
        var data = JsonNode.Parse(FormsFixture.Sample(sample))!.AsObject();
        var township = data["township"]?.GetValue<string>();
        var village = data["village"]?.GetValue<string>();
        var model = FormsFixture.Model(formId, sample);
        var text = PdfPageTexts.Squeeze(ModelText.Of(model, 1));
        Check(text, township, PlaceName.Township(township), TownshipLabels);
        Check(text, village, PlaceName.Village(village), VillageLabels);
    }

    private static void Check(string text, string? raw, string shortName, string[] labels)
    {
        if (string.IsNullOrEmpty(raw)) return;
        foreach (var label in labels)
        {
            if (raw != shortName) Assert.DoesNotContain(raw + label, text);
        }
    }

    [Theory]
    [InlineData("chizhou.approval-notice", "notice-approval.json", "尧渡乡镇（街道）永丰村（居）民委员会")]
    [InlineData("chizhou.rejection-notice", "notice-rejection.json", "秋浦乡镇（街道）杏花村村（居）民委员会")]
    [InlineData("chizhou.benefit-adjustment-notice", "notice-adjustment.json", "木镇乡镇（街道）桂花村（居）民委员会")]
    [InlineData("yunyang.economic-survey", "yunyang-case.json", "巴阳镇（街道）红岩村（社区）")]
    [InlineData("chizhou.home-visit-survey", "notice-approval.json", "尧渡乡镇（街道）永丰村（社区）")]
    public void The_forms_print_the_short_name_before_the_label(string formId, string sample, string expected)
    {
        var text = PdfPageTexts.Squeeze(ModelText.Of(FormsFixture.Model(formId, sample), 1));
        Assert.Contains(expected, text);
    }
}
