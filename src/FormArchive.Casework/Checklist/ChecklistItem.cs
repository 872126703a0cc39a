namespace FormArchive.Casework.Checklist;

/// <summary>One required material and whether the scans cover it.</summary>
public sealed record ChecklistItem(string Code, string Material, bool Present, string? Member = null);
