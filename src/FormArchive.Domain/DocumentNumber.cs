namespace FormArchive.Domain;

/// <summary>
/// 文号 (文件编号) as a clerk gives it when filing a document: 池民社救〔2024〕56号, （2025年第 3 号）. Printed in the 卷内目录's
/// 文号 column and carried as 文件编号 in the export package. Blank means the document has none; otherwise it is
/// trimmed, at most <see cref="MaxLength"/> characters and free of control characters (it is printed on one cell).
/// </summary>
public static class DocumentNumber
{
    public const int MaxLength = 50;

    /// <summary>The 文号 to record (null: none), or false with a one-line Chinese <paramref name="error"/>.</summary>
    public static bool TryNormalize(string? text, out string? number, out string? error)
    {
        number = null;
        error = null;
        if (string.IsNullOrWhiteSpace(text)) return true;
        var trimmed = text.Trim();
        if (trimmed.Length > MaxLength)
            error = $"文号最多 {MaxLength} 个字符，给出的有 {trimmed.Length} 个。";
        else if (trimmed.Any(char.IsControl))
            error = "文号不能含换行符或其他控制字符。";
        else
            number = trimmed;
        return error is null;
    }
}
