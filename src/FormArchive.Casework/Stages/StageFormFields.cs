using System.Text.Json.Nodes;

namespace FormArchive.Casework.Stages;

/// <summary>
/// What a form printed into a case takes from its log: the dates (<see cref="StageFormDates"/>), who signed and for
/// which unit (<see cref="StageFormSigners"/>) and the county's first month (<see cref="StageFormTerms"/>). Every
/// print into a case goes through here, so none of them prints what the log contradicts.
/// </summary>
public static class StageFormFields
{
    /// <summary>Fills <paramref name="data"/> in place; returns the paths filled.</summary>
    /// <exception cref="CaseworkException">A value in the data differs from the log's; nothing is to be printed.</exception>
    public static IReadOnlyList<string> Fill(JsonObject data, IReadOnlyList<CaseEvent> events) =>
        [.. StageFormDates.Fill(data, events), .. StageFormSigners.Fill(data, events), .. StageFormTerms.Fill(data, events)];
}
