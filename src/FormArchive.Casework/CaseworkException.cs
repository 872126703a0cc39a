namespace FormArchive.Casework;

/// <summary>An event that the stage rules do not allow; the message says why, in Chinese, for the clerk.</summary>
public sealed class CaseworkException(string message) : InvalidOperationException(message)
{
    /// <summary>For a refused 报送审批: the materials the electronic file lacks, each named as the message names it.</summary>
    public IReadOnlyList<string> MissingMaterials { get; init; } = [];
}
