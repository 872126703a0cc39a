using FormArchive.Archive.Cases;

namespace FormArchive.Casework.Stages;

/// <summary>
/// A step recorded with a form printed at it: the filed form (in <see cref="Volume"/>), the case data version it was
/// printed from, its page count, and the case's progress after the step.
/// </summary>
public sealed record StepFormFiled(string Volume, DocumentEntry Form, int CaseRecordVersion, int? Pages, CaseProgressReport Progress);
