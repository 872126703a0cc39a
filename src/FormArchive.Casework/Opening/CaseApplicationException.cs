namespace FormArchive.Casework.Opening;

/// <summary>An application that cannot open a case; <see cref="Problems"/> name every field at fault. Nothing was written.</summary>
public sealed class CaseApplicationException(IReadOnlyList<FieldProblem> problems)
    : Exception($"{problems.Count} problem(s); first: {problems[0].Path}: {problems[0].Message}")
{
    public IReadOnlyList<FieldProblem> Problems { get; } = problems;
}
