namespace FormArchive.Archive.Storage;

/// <summary>One key found by <see cref="IArchiveStore.ListAsync"/>.</summary>
public sealed record StoredItem(string Key, long Size);
