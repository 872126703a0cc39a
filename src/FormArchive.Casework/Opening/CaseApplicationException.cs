namespace FormArchive.Casework.Opening;

/// <summary>An application that cannot open a case; <see cref="Problems"/> name every field at fault. Nothing was written.</summary>
public sealed class CaseApplicationException(IReadOnlyList<FieldProblem> problems)
    : Exception($"立案申请有{problems.Count}处问题，第一处：{problems[0].Path}：{problems[0].Message}")
{
    public IReadOnlyList<FieldProblem> Problems { get; } = problems;
}
