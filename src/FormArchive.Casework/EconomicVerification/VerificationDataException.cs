namespace FormArchive.Casework.EconomicVerification;

/// <summary>One thing wrong with a posted 核对 result: the field by its Chinese name ("收入第 2 项的金额（元）"), never a JSON path.</summary>
public sealed record VerificationProblem(string Field, string Message);

/// <summary>A 核对 result whose data cannot be filed; <see cref="Problems"/> name every field at fault. Nothing was written.</summary>
public sealed class VerificationDataException(IReadOnlyList<VerificationProblem> problems)
    : Exception($"核对数据有 {problems.Count} 处问题，第一处：{problems[0].Field}：{problems[0].Message}")
{
    public IReadOnlyList<VerificationProblem> Problems { get; } = problems;
}
