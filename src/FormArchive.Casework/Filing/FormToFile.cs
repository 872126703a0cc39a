namespace FormArchive.Casework.Filing;

/// <summary>A printed form to file: its title (题名), file name, PDF bytes and 文号 if it carries one.</summary>
public sealed record FormToFile(string Title, string FileName, byte[] Content, string? DocNumber = null);
