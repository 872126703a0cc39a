namespace FormArchive.Casework.Opening;

/// <summary>The clerk's file number is already another case's in the same township; nothing was written.</summary>
public sealed class FileNumberInUseException(string township, string fileNumber, string holder)
    : Exception($"本单位案卷号“{fileNumber}”已由{township}的案件 {holder} 使用，未立新案。")
{
    public string FileNumber { get; } = fileNumber;
    /// <summary>The case that holds the number (a case of the caller's own township).</summary>
    public string Holder { get; } = holder;
}
