namespace FormArchive.Renderer.Layout;

/// <summary>
/// Chinese line-breaking rules (禁则): closing punctuation may not start a line and opening brackets may not end one.
/// </summary>
public static class LineBreakRules
{
    private const string NoLineStart = "，。、；：？！）」』》〉】〕〗〙〛”’…—·%‰℃,.;:?!)]}>％！），．：；？］｝｜～ー々〻";
    private const string NoLineEnd = "（「『《〈【〔〖〘〚“‘([{<＄￥（［｛$￥";

    public static bool MayStartLine(char first) => NoLineStart.IndexOf(first) < 0;

    public static bool MayEndLine(char last) => NoLineEnd.IndexOf(last) < 0;
}
