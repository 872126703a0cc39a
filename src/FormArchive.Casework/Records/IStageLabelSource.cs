using FormArchive.Archive.Cases;

namespace FormArchive.Casework.Records;

/// <summary>
/// The stage a case is at, as the title of a saved case-data version names it. The stage rules live above the case
/// data (FormArchive.Casework.Stages records steps with forms printed from it), so the case data asks through this.
/// </summary>
public interface IStageLabelSource
{
    /// <summary>The label of the stage the case is at now, by its recorded steps; null before the first, or when they do not replay.</summary>
    Task<string?> StageLabelAsync(CaseManifest m, CancellationToken ct);
}
