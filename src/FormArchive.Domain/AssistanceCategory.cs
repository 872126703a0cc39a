using System.Diagnostics.CodeAnalysis;

namespace FormArchive.Domain;

/// <summary>
/// The six categories of low-income population (低收入人口) in the fixed order in which an
/// application is examined, one category after the other (池民社救〔2024〕56号:
/// “特困人员”“最低生活保障对象”“低保边缘家庭”“刚性支出困难家庭”“其他低收入人口”“临时救助”).
/// </summary>
/// <remarks>
/// <see cref="Name"/> is the legal name used in the examination order; <see cref="FormLabel"/> is
/// the label printed next to the check box on forms (池州市低收入人口审核确认表:
/// □最低生活保障 □特困人员救助 □低保边缘家庭 □刚性支出困难家庭 □其他低收入人口).
/// <see cref="Parse"/> accepts either, the common abbreviations (低保, 特困, 低保边缘 …) and the code.
/// </remarks>
public sealed class AssistanceCategory : IComparable<AssistanceCategory>
{
    /// <summary>特困人员 (form label 特困人员救助).</summary>
    public static readonly AssistanceCategory ExtremelyPoor =
        new(1, "tekun", "特困人员", "特困人员救助", ["特困", "特困供养", "特困人员救助供养"]);

    /// <summary>最低生活保障对象 (form label 最低生活保障).</summary>
    public static readonly AssistanceCategory Dibao =
        new(2, "dibao", "最低生活保障对象", "最低生活保障", ["低保", "低保对象"]);

    /// <summary>低保边缘家庭.</summary>
    public static readonly AssistanceCategory DibaoMarginal =
        new(3, "dibao_marginal", "低保边缘家庭", "低保边缘家庭", ["低保边缘", "最低生活保障边缘家庭"]);

    /// <summary>刚性支出困难家庭.</summary>
    public static readonly AssistanceCategory RigidExpenditure =
        new(4, "rigid_expenditure", "刚性支出困难家庭", "刚性支出困难家庭", ["刚性支出困难", "支出型困难家庭"]);

    /// <summary>其他低收入人口.</summary>
    public static readonly AssistanceCategory OtherLowIncome =
        new(5, "other_low_income", "其他低收入人口", "其他低收入人口", ["其他低收入"]);

    /// <summary>临时救助.</summary>
    public static readonly AssistanceCategory Temporary =
        new(6, "temporary", "临时救助", "临时救助", ["临时救助对象"]);

    /// <summary>All six, in the legal examination order.</summary>
    public static IReadOnlyList<AssistanceCategory> All { get; } =
        [ExtremelyPoor, Dibao, DibaoMarginal, RigidExpenditure, OtherLowIncome, Temporary];

    private AssistanceCategory(int order, string code, string name, string formLabel, string[] aliases)
    {
        Order = order;
        Code = code;
        Name = name;
        FormLabel = formLabel;
        Aliases = aliases;
    }

    /// <summary>1-based position in the examination order.</summary>
    public int Order { get; }

    /// <summary>Stable ASCII code for data exchange, e.g. "dibao".</summary>
    public string Code { get; }

    /// <summary>Legal name, e.g. 最低生活保障对象.</summary>
    public string Name { get; }

    /// <summary>Label printed on forms, e.g. 最低生活保障.</summary>
    public string FormLabel { get; }

    /// <summary>Other accepted spellings, e.g. 低保.</summary>
    public IReadOnlyList<string> Aliases { get; }

    /// <summary>Finds a category by legal name, form label, abbreviation or code (white space ignored).</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out AssistanceCategory? category)
    {
        category = null;
        var s = text?.Trim();
        if (string.IsNullOrEmpty(s))
            return false;
        foreach (var c in All)
        {
            if (s == c.Name || s == c.FormLabel || string.Equals(s, c.Code, StringComparison.OrdinalIgnoreCase) || c.Aliases.Contains(s))
            {
                category = c;
                return true;
            }
        }
        return false;
    }

    /// <summary>Like <see cref="TryParse"/> but throws <see cref="FormatException"/> for unknown text.</summary>
    public static AssistanceCategory Parse(string? text) =>
        TryParse(text, out var c)
            ? c
            : throw new FormatException($"未知的救助类别“{text}”，应为：{string.Join("、", All.Select(x => x.Name))}。");

    /// <inheritdoc/>
    public int CompareTo(AssistanceCategory? other) => other is null ? 1 : Order.CompareTo(other.Order);

    /// <summary>The legal name.</summary>
    public override string ToString() => Name;
}
