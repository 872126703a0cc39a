namespace FormArchive.Archive.Storage;

/// <summary>The store could not be reached or refused a request, after retries (maps to HTTP 503).</summary>
public sealed class ArchiveStorageException(string message, Exception? inner = null) : Exception(message, inner);
