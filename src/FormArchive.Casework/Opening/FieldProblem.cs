namespace FormArchive.Casework.Opening;

/// <summary>One thing wrong with a request, by its JSON path ($.applicant.idNumber): what the HTTP problem's errors list and the CLI prints.</summary>
public sealed record FieldProblem(string Path, string Message);
