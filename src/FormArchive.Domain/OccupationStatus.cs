using System.Diagnostics.CodeAnalysis;

namespace FormArchive.Domain;

/// <summary>
/// 职业状况 of a household member or supporter, the seven classes of the 填表说明 of the 审核确认表 and the
/// 入户调查表 (池民社救〔2024〕56号 attachments 3 and 5): “（1）老年人（60周岁及以上）；（2）在职职工；（3）灵活就业人员；
/// （4）登记失业人员；（5）未登记失业人员；（6）已成年但不能独立生活的子女，包括在校接受本科及其以下学历教育的成年子女；
/// （7）其他人员（18周岁以下）”.
/// </summary>
/// <remarks>
/// <see cref="TryParse"/> accepts the label (老年人), the label with its note (老年人（60周岁及以上）), the number with
/// or without parentheses (（1）, (1), 1) and the two together (（1）老年人). When the data leaves the status empty,
/// <see cref="Suggest"/> derives (1) or (7) from the age on the ID number; other classes cannot be told from it.
/// </remarks>
public sealed class OccupationStatus
{
    /// <summary>Age (周岁) from which a person is a 老年人.</summary>
    public const int ElderlyAge = 60;

    /// <summary>Age (周岁) of adulthood; below it a person is in class (7).</summary>
    public const int AdultAge = 18;

    /// <summary>（1）老年人（60周岁及以上）.</summary>
    public static readonly OccupationStatus Elderly = new(1, "老年人", "60周岁及以上");

    /// <summary>（2）在职职工.</summary>
    public static readonly OccupationStatus Employee = new(2, "在职职工", null);

    /// <summary>（3）灵活就业人员.</summary>
    public static readonly OccupationStatus FlexiblyEmployed = new(3, "灵活就业人员", null);

    /// <summary>（4）登记失业人员.</summary>
    public static readonly OccupationStatus RegisteredUnemployed = new(4, "登记失业人员", null);

    /// <summary>（5）未登记失业人员.</summary>
    public static readonly OccupationStatus UnregisteredUnemployed = new(5, "未登记失业人员", null);

    /// <summary>（6）已成年但不能独立生活的子女（包括在校接受本科及其以下学历教育的成年子女）.</summary>
    public static readonly OccupationStatus DependentAdultChild =
        new(6, "已成年但不能独立生活的子女", "包括在校接受本科及其以下学历教育的成年子女");

    /// <summary>（7）其他人员（18周岁以下）.</summary>
    public static readonly OccupationStatus Minor = new(7, "其他人员", "18周岁以下");

    /// <summary>The seven classes in the order of the 填表说明.</summary>
    public static IReadOnlyList<OccupationStatus> All { get; } =
        [Elderly, Employee, FlexiblyEmployed, RegisteredUnemployed, UnregisteredUnemployed, DependentAdultChild, Minor];

    private OccupationStatus(int number, string label, string? note)
    {
        Number = number;
        Label = label;
        Note = note;
    }

    /// <summary>1–7, the number in the 填表说明.</summary>
    public int Number { get; }

    /// <summary>What is printed in the 职业状况 column, e.g. 老年人.</summary>
    public string Label { get; }

    /// <summary>The explanation in parentheses in the 填表说明, e.g. 60周岁及以上; null when there is none.</summary>
    public string? Note { get; }

    /// <summary>As listed in the 填表说明, e.g. “（1）老年人（60周岁及以上）”.</summary>
    public string Listing => $"（{Number}）{Label}" + (Note is null ? "" : $"（{Note}）");

    /// <summary>The labels, for messages: 老年人、在职职工、…、其他人员.</summary>
    public static string LabelList => string.Join("、", All.Select(s => s.Label));

    /// <summary>Finds the class written in any accepted spelling (see the remarks); blank or unknown text gives false.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out OccupationStatus? status)
    {
        status = null;
        var s = Normalise(text);
        if (s.Length == 0)
            return false;

        int? number = null;
        if (s.Length >= 3 && s[0] == '(' && s[2] == ')' && s[1] is >= '1' and <= '7')
        {
            number = s[1] - '0';
            s = s[3..];
        }
        else if (s.Length == 1 && s[0] is >= '1' and <= '7')
        {
            number = s[0] - '0';
            s = "";
        }

        if (s.Length > 0)
        {
            var match = All.FirstOrDefault(c => s == c.Label
                || (c.Note is not null && (s == Normalise($"{c.Label}（{c.Note}）") || s == Normalise($"{c.Label}，{c.Note}"))));
            if (match is null || (number is { } n && n != match.Number))
                return false;
            status = match;
            return true;
        }
        if (number is null)
            return false;
        status = All[number.Value - 1];
        return true;
    }

    /// <summary>
    /// The class the age on <paramref name="id"/> on <paramref name="on"/> implies, when it implies one:
    /// <see cref="Elderly"/> at 60 or more, <see cref="Minor"/> under 18, otherwise null (an adult's occupation
    /// cannot be told from the ID number).
    /// </summary>
    public static OccupationStatus? Suggest(ChineseIdNumber id, DateOnly on)
    {
        ArgumentNullException.ThrowIfNull(id);
        var age = id.AgeAt(on);
        if (age >= ElderlyAge)
            return Elderly;
        if (age < AdultAge)
            return Minor;
        return null;
    }

    /// <summary>
    /// What the 职业状况 column shows: the label of the class given (any spelling), or when none is given the
    /// class suggested from the ID number's age on <paramref name="on"/>; unknown text is returned as written,
    /// and "" when there is nothing to show.
    /// </summary>
    public static string Display(string? given, string? idNumber, DateOnly on)
    {
        if (!string.IsNullOrWhiteSpace(given))
            return TryParse(given, out var status) ? status.Label : given.Trim();
        if (ChineseIdNumber.TryParse(idNumber, out var id, out _) && Suggest(id, on) is { } suggested)
            return suggested.Label;
        return string.Empty;
    }

    private static string Normalise(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return string.Empty;
        var chars = text.Where(c => !char.IsWhiteSpace(c)).Select(c => c switch
        {
            '（' => '(',
            '）' => ')',
            '１' => '1',
            '２' => '2',
            '３' => '3',
            '４' => '4',
            '５' => '5',
            '６' => '6',
            '７' => '7',
            '，' or '、' => ',',
            _ => c,
        });
        return new string(chars.ToArray());
    }

    /// <inheritdoc/>
    public override string ToString() => Label;
}
