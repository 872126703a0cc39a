using System.Text.Json;
using FormArchive.Api.Access;
using FormArchive.Api.Audit;
using FormArchive.Api.CaseRecords;
using FormArchive.Api.Cases;
using FormArchive.Api.Http;
using FormArchive.Api.Work;
using FormArchive.Casework;
using FormArchive.Casework.Filing;
using FormArchive.Casework.Records;
using FormArchive.Casework.Stages;
using FormArchive.Domain;
using FormArchive.Renderer.Rendering;
using FormArchive.Templates.Printing;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FormArchive.Api.Endpoints;

/// <summary>
/// POST /api/cases/{caseId}/events: a clerk records a step of the procedure, signed as the person the key stands for
/// (township or county, 经办人 or 负责人); the rules, sign-offs included, are Casework's. With
/// printForm the step and the form printed at it are one request (the form is the step's record, so a refused step
/// must file nothing, and a filed form must be named by its step): 201 with the filed form.
/// </summary>
public static class CaseEventEndpoints
{
    public static void MapCaseEventEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapCaseGroup().MapPost("/events", Record)
            .RequireAuthorization(AccessPolicies.Clerk)
            .AllowCountyDesk()
            .WithAuditAction("case.event")
            .AcceptsJson<CaseEventRequest>()
            .WithName("RecordCaseEvent")
            .WithSummary("Record a step of the case's procedure (受理, 入户调查, 公示 …), optionally printing and filing a form at it; "
                + "refused in Chinese (422) if the procedure does not allow it")
            .WithDescription("JSON body: kind, at or date, outcome, reason, staff, note, documents, printForm. "
                + "Answers the case's progress after the step (200). "
                + "With printForm (a form id) the form is printed from the case's newest case data, its dates from the steps (this one included), filed, "
                + "and named by the step: 201 with the filed form. Only a form the step may print (GET /api/step-forms) is taken; another is refused (422). "
                + "A refused step files nothing; if the step is refused after its form was filed (another instance wrote to the case between), "
                + "the 422 names the form (filedForm).")
            .WithTags("Casework");
        app.MapGet("/api/step-forms", ListStepForms)
            .RequireAuthorization(AccessPolicies.Clerk)
            .WithName("ListStepForms")
            .WithSummary("Every step of the procedure with the forms it may print (printForm), by Casework's rule; the clerk desk offers these")
            .WithTags("Casework");
        app.MapGet("/api/approval-terms", () => TypedResults.Ok(ApprovalTermFields.All))
            .RequireAuthorization(AccessPolicies.AnyKey)
            .AllowCountyDesk()
            .WithName("ListApprovalTerms")
            .WithSummary("The fields of a 批准's terms (the events' terms object): name, label as the forms print it, unit, choices, "
                + "the categories whose 批准 prints it and whether the county's 批准 must give it; the desks' decision fields")
            .WithTags("Casework");
    }

    /// <summary>Casework's <see cref="StageForms"/> rule, with the titles of the forms this service's catalog holds.</summary>
    private static Ok<List<StepForms>> ListStepForms(FormPrinter printer) => TypedResults.Ok(Enum.GetValues<CaseEventKind>()
        .Select(k => new StepForms(JsonNamingPolicy.CamelCase.ConvertName(k.ToString()), k.Label(),
            [.. StageForms.For(k)
                .Select(id => printer.Catalog.TryGet(id, out var f) ? new StepFormChoice(id, f.Metadata.Title) : null)
                .OfType<StepFormChoice>()]))
        .ToList());

    private static async Task<Results<Ok<CaseProgressReport>, Created<StepWithForm>, ProblemHttpResult>> Record(
        CaseContext c, CaseProcedure procedure, FormPrinter printer)
    {
        var request = JsonBody.Of<CaseEventRequest>(c.Http);
        if (request.ToEvent(c.Caller.Key.Name, c.Archive.Clock.GetUtcNow(), out var refusal) is not { } step)
            return Problems.Create(StatusCodes.Status400BadRequest, "办理环节请求有误", refusal!);
        // The step is the caller's act: signed by the person the key stands for, in their post, for their unit.
        var e = step with { SignedBy = procedure.Settings.Counties.SignerOf(c.Caller.Key) };
        c.Detail = $"{e.Kind.Label()}, signed {e.SignedBy!.Label}"; // the step and its signer only: staff names and notes stay out
        if (!string.IsNullOrWhiteSpace(request.PrintForm)) return await RecordWithFormAsync(c, e, request.PrintForm, procedure, printer);
        return TypedResults.Ok(await procedure.RecordAsync(c.Case.CaseId, e, c.Caller.Actor, c.Cancel));
    }

    /// <summary>
    /// The step with <paramref name="formId"/> printed at it, through Casework (<see cref="CaseProcedure.RecordWithFormAsync"/>):
    /// every refusal comes before anything is filed, in the shapes the record's print answers (409 no case data, 422
    /// incomplete with the missing items). A form filed and then left unnamed by a step refused at the last moment (another
    /// instance wrote between) is named in the 422 (filedForm), so nothing is silently orphaned.
    /// </summary>
    private static async Task<Results<Ok<CaseProgressReport>, Created<StepWithForm>, ProblemHttpResult>> RecordWithFormAsync(
        CaseContext c, CaseEvent e, string formId, CaseProcedure procedure, FormPrinter printer)
    {
        if (!printer.Catalog.TryGet(formId.Trim(), out var form))
            return Problems.Create(StatusCodes.Status400BadRequest, "办理环节请求有误", $"printForm：没有编号为“{CaseStepRequest.Clip(formId)}”的表格。");
        c.Detail += $", form {form.Metadata.Id}";
        if (c.Case.Sealed) throw new FormArchive.Archive.Cases.CaseSealedException(c.Case.CaseId);
        return await GatedWork.RunAsync<Results<Ok<CaseProgressReport>, Created<StepWithForm>, ProblemHttpResult>>(c.Http, async () =>
        {
            StepFormFiled done;
            try { done = await procedure.RecordWithFormAsync(c.Case.CaseId, e, form, printer, c.Caller.Actor, c.Cancel); }
            catch (NoCaseRecordException)
            {
                return Problems.Create(StatusCodes.Status409Conflict, "尚未保存案件数据", $"请先保存案件数据，再在“{e.Kind.Label()}”时打印{form.Metadata.Title}。");
            }
            catch (CaseRecordIncompleteException x)
            {
                return Problems.Create(StatusCodes.Status422UnprocessableEntity, "案件数据不全", x.Message,
                    new Dictionary<string, object?>
                    {
                        ["missing"] = x.Missing.Select(m => new { path = m.Path, label = m.Label }).ToList(), ["version"] = x.Version,
                    });
            }
            catch (FormArchive.Archive.Cases.StageRefusedAfterFilingException x)
            {
                c.Detail += $" refused after filing document {x.Document.No}";
                return StepFormProblems.RefusedAfterFiling(x);
            }
            var entry = done.Form;
            if (done.Pages is { } n) c.Http.RequestServices.GetRequiredService<PdfPageCountCache>().Remember(entry.Sha256, n);
            c.Detail += $" from version {done.CaseRecordVersion} → {done.Volume} document {entry.No}";
            return TypedResults.Created($"/api/cases/{done.Volume}/documents/{entry.No}",
                new StepWithForm(c.Case.CaseId, done.Volume, entry, done.CaseRecordVersion, done.Progress));
        });
    }
}
