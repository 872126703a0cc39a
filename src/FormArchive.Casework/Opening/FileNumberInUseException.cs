namespace FormArchive.Casework.Opening;

/// <summary>The clerk's file number is already another case's in the same township; nothing was written.</summary>
public sealed class FileNumberInUseException(string township, string fileNumber, string holder)
    : Exception($"file number {fileNumber} is already case {holder} of {township}")
{
    public string FileNumber { get; } = fileNumber;
    /// <summary>The case that holds the number (a case of the caller's own township).</summary>
    public string Holder { get; } = holder;
}
