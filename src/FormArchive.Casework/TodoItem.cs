namespace FormArchive.Casework;

/// <summary>One line of the 待办 list: a case, one of its open deadlines and how urgent it is.</summary>
public sealed record TodoItem(string CaseId, string Township, CaseStage Stage, Deadline Deadline, TodoBucket Bucket);
