namespace FormArchive.Casework;

/// <summary>An event that the stage rules do not allow; the message says why, in Chinese, for the clerk.</summary>
public sealed class CaseworkException(string message) : InvalidOperationException(message);
