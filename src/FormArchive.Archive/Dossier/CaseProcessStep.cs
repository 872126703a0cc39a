namespace FormArchive.Archive.Dossier;

/// <summary>
/// One recorded step of a case as the dossier's 案卷办理过程 prints it: the China-time day and time, the step
/// (受理, 入户调查 …), who did it and its outcome or reason. Plain data: the caller reads the steps (Casework owns
/// them) and hands them over, so the archive does not depend on the casework rules.
/// </summary>
public sealed record CaseProcessStep(DateOnly Date, TimeOnly Time, string What, string Actor, string Remark);
