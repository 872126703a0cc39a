namespace FormArchive.Domain;

/// <summary>A holiday calendar file that cannot be trusted; the message names the file and the fault, in Chinese.</summary>
public sealed class CalendarFileException(string file, string fault)
    : FormatException($"节假日文件 {file} 无效：{fault}")
{
    /// <summary>The file name (e.g. 2027.json).</summary>
    public string File { get; } = file;
}
