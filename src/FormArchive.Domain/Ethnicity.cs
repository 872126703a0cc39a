namespace FormArchive.Domain;

/// <summary>The 56 民族 of China as printed on ID cards and 户口簿 (GB/T 3304), without the trailing 族.</summary>
public static class Ethnicity
{
    private static readonly HashSet<string> Names =
    [
        "汉", "蒙古", "回", "藏", "维吾尔", "苗", "彝", "壮", "布依", "朝鲜", "满", "侗", "瑶", "白", "土家", "哈尼", "哈萨克", "傣",
        "黎", "傈僳", "佤", "畲", "高山", "拉祜", "水", "东乡", "纳西", "景颇", "柯尔克孜", "土", "达斡尔", "仫佬", "羌", "布朗",
        "撒拉", "毛南", "仡佬", "锡伯", "阿昌", "普米", "塔吉克", "怒", "乌孜别克", "俄罗斯", "鄂温克", "德昂", "保安", "裕固",
        "京", "塔塔尔", "独龙", "鄂伦春", "赫哲", "门巴", "珞巴", "基诺",
    ];

    public static int Count => Names.Count;

    /// <summary>The 民族 named by <paramref name="text"/> (汉 or 汉族, spaces ignored), or null.</summary>
    public static string? Of(string? text)
    {
        if (text is null) return null;
        var s = string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
        if (s.EndsWith('族')) s = s[..^1];
        return Names.Contains(s) ? s : null;
    }
}
