using FormArchive.Api.Http;
using FormArchive.Archive.Cases;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FormArchive.Api.Endpoints;

/// <summary>
/// The 422 of a step refused after the form printed for it was filed (another instance wrote to the case between the
/// two entries): the refusal, and the form that stays filed with no step naming it (filedForm: 件号, title, file,
/// SHA-256), so the clerk knows which document it is and nothing is silently orphaned.
/// </summary>
public static class StepFormProblems
{
    public static ProblemHttpResult RefusedAfterFiling(StageRefusedAfterFilingException x) =>
        Problems.Create(StatusCodes.Status422UnprocessableEntity, "办理环节不符合程序", x.Message, new Dictionary<string, object?>
        {
            ["filedForm"] = new FiledForm(x.CaseId, x.Document.No, x.Document.Title, x.Document.FileName, x.Document.Sha256),
        });

    /// <summary>The form left filed: where it is and what it is.</summary>
    public sealed record FiledForm(string CaseId, int No, string Title, string FileName, string Sha256);
}
