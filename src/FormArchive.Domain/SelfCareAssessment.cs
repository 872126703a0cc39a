namespace FormArchive.Domain;

/// <summary>
/// 生活自理能力评估 of the 入户调查表 (池民社救〔2024〕56号 attachment 5, for 特困人员 applicants): six activities
/// — 吃饭、穿衣、上下床、如厕、室内行走、洗澡 — and a conclusion. Following 《特困人员认定办法》 (民发〔2021〕43号,
/// 第十二条): all six done unaided → 有生活自理能力; three or fewer not done → 部分（丧失）生活自理能力;
/// four or more not done → 完全丧失生活自理能力.
/// </summary>
public static class SelfCareAssessment
{
    /// <summary>The six activities, in the order of the form.</summary>
    public static IReadOnlyList<string> Items { get; } = ["吃饭", "穿衣", "上下床", "如厕", "室内行走", "洗澡"];

    /// <summary>结论 labels as printed next to their check boxes.</summary>
    public const string Capable = "有生活自理能力";

    /// <inheritdoc cref="Capable"/>
    public const string PartlyCapable = "部分生活自理能力";

    /// <inheritdoc cref="Capable"/>
    public const string Incapable = "完全丧失生活自理能力";

    /// <summary>Fewest activities not done unaided that make a person 完全丧失生活自理能力.</summary>
    public const int IncapableFrom = 4;

    /// <summary>
    /// The conclusion the six answers imply (true = 能自主完成), or null unless all six are answered.
    /// </summary>
    public static string? Conclude(IReadOnlyList<bool?> canDo)
    {
        ArgumentNullException.ThrowIfNull(canDo);
        if (canDo.Count != Items.Count || canDo.Any(x => x is null))
            return null;
        var notDone = canDo.Count(x => x == false);
        return notDone == 0 ? Capable : notDone < IncapableFrom ? PartlyCapable : Incapable;
    }
}
