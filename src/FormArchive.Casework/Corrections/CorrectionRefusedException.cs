namespace FormArchive.Casework.Corrections;

/// <summary>
/// A page correction that does not fit the case, by the request field at fault (<see cref="Path"/>, e.g. $.page);
/// <see cref="NotFound"/> when it names a document or page the case does not have. Nothing was filed.
/// </summary>
public sealed class CorrectionRefusedException(string path, string message, bool notFound) : Exception($"{path}: {message}")
{
    public string Path { get; } = path;
    public string Reason { get; } = message;
    public bool NotFound { get; } = notFound;
}
