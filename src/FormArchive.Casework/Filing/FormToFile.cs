namespace FormArchive.Casework.Filing;

/// <summary>
/// A printed form to file: its title (题名), file name, PDF bytes, 文号 if it carries one, and the SHA-256 of the
/// case document it was printed from (a version of the case data), if any.
/// </summary>
public sealed record FormToFile(string Title, string FileName, byte[] Content, string? DocNumber = null, string? DerivedFrom = null);
