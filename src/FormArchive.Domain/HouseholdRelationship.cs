namespace FormArchive.Domain;

/// <summary>
/// The relationships a 户口簿 prints in its 户主或与户主关系 cell: the terms of GB/T 4761 (家庭关系代码) and the short
/// forms registers use (妻, 子, 长子, 孙女…). What is not one of them (a name, a place, a misread label) is not a
/// relationship.
/// </summary>
public static class HouseholdRelationship
{
    private static readonly HashSet<string> Terms =
    [
        "户主", "本人", "配偶", "夫", "妻",
        "子", "独生子", "长子", "次子", "三子", "四子", "五子", "养子", "继子", "养子或继子", "女婿", "其他儿子",
        "女", "独生女", "长女", "次女", "三女", "四女", "五女", "养女", "继女", "养女或继女", "儿媳", "其他女儿",
        "孙子", "孙女", "外孙子", "外孙女", "孙媳妇", "外孙媳妇", "孙女婿", "外孙女婿", "曾孙子", "曾孙女", "外曾孙子", "外曾孙女",
        "父母", "父亲", "母亲", "父", "母", "公公", "婆婆", "岳父", "岳母", "继父", "继母", "养父", "养母",
        "祖父母", "祖父", "祖母", "外祖父母", "外祖父", "外祖母", "曾祖父", "曾祖母",
        "兄弟姐妹", "兄", "嫂", "弟", "弟媳", "姐", "姐姐", "姐夫", "妹", "妹妹", "妹夫",
        "伯父", "伯母", "叔父", "婶母", "舅父", "舅母", "姨父", "姨母", "姑父", "姑母",
        "堂兄弟", "堂姐妹", "表兄弟", "表姐妹", "侄子", "侄女", "外甥", "外甥女", "其他亲属", "非亲属",
    ];

    /// <summary>Whether <paramref name="text"/> (spaces ignored) is one relationship term.</summary>
    public static bool IsTerm(string? text) =>
        text is not null && Terms.Contains(string.Concat(text.Where(c => !char.IsWhiteSpace(c))));
}
