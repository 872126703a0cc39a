namespace FormArchive.Casework;

/// <summary>
/// What the stage rules need to know of a case: its number, township, the categories applied for or held,
/// whose procedure governs it, its stage log in the order written, and whether the household's income is
/// unstable (a 低保 household then comes up for review every six months), and which level confirms each of its
/// categories (recorded at 受理; null in logs written before the approval was online, which are not held to it).
/// </summary>
public sealed record StageLogSnapshot(
    string CaseId,
    string Township,
    IReadOnlyList<AssistanceCategory> Categories,
    IReadOnlyList<CaseEvent> Events,
    LocalRules Rules = LocalRules.Chizhou,
    bool IncomeUnstable = false,
    ConfirmingLevels? Levels = null);
