namespace FormArchive.Casework.Checklist;

/// <summary>
/// One required material and whether the case holds it. <see cref="FromApplicant"/>: the applicant supplies it (so the
/// 补充材料一次性告知书 asks for it when missing); the 核对 report comes from the 核对机构, not from the applicant.
/// </summary>
public sealed record ChecklistItem(string Code, string Material, bool Present, string? Member = null, bool FromApplicant = true);
