namespace FormArchive.Archive;

/// <summary>Placeholder so the project builds before the archive library lands.</summary>
internal static class ArchiveInfo;
