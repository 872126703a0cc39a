using System.Text.RegularExpressions;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace FormArchive.Api.Observability;

/// <summary>
/// The OpenAPI document (/openapi/v1.json) and its browsable reference page (/scalar). Operation ids and
/// summaries come from one table here, keyed by method and route, so the endpoint files stay as they are.
/// </summary>
public static partial class ApiDocs
{
    public const string ApiKeyScheme = "ApiKey";

    /// <summary>(id, summary, roles that may call it — empty for public).</summary>
    private static readonly Dictionary<string, (string Id, string Summary, string Roles)> Operations = new(StringComparer.Ordinal)
    {
        ["GET /healthz"] = ("Health", "Liveness: the process answers", ""),
        ["GET /readyz"] = ("Ready", "Readiness: the store and the SQLite files are reachable (503 otherwise)", ""),
        ["GET /metrics"] = ("Metrics", "Request counts and latency percentiles per endpoint, work-queue depth; JSON, or Prometheus text with Accept: text/plain or format=prometheus", "admin"),
        ["GET /api/forms"] = ("ListForms", "The form catalog", ""),
        ["GET /api/forms/{id}"] = ("GetForm", "One form's metadata", ""),
        ["GET /api/forms/{id}/schema"] = ("GetFormSchema", "JSON schema of a form's case data", ""),
        ["POST /api/forms/{id}/render"] = ("RenderForm", "Render case data (JSON body; empty for a blank form) to PDF or DOCX; format=pdf|docx|zip (zip: both)", "integrator, clerk"),
        ["POST /api/forms/render"] = ("RenderForms", "Render several forms at once into one ZIP (JSON body: forms, data, documents=pdf|docx|both); format=zip", "integrator, clerk"),
        ["POST /api/cases"] = ("CreateCase", "Open a case in the key's township", "clerk"),
        ["POST /api/cases/search"] = ("SearchCases", "Search the catalog (ID number, name, village, category, status, dates in the JSON body)", "clerk (own township), archivist"),
        ["GET /api/cases/{caseId}"] = ("GetCase", "Case metadata with its 卷内目录", "clerk, archivist"),
        ["GET /api/cases/{caseId}/documents/{no}"] = ("GetDocument", "Download one document of a case", "clerk, archivist"),
        ["GET /api/cases/{caseId}/checklist"] = ("GetChecklist", "Completeness checklist of a case", "clerk, archivist"),
        ["GET /api/cases/{caseId}/documents/{no}/pages/{page}/thumbnail"] = ("GetPageThumbnail", "JPEG thumbnail of a PDF page (a scan's deskewed archival image); width=64–1200, default 320", "clerk, archivist"),
        ["GET /api/cases/{caseId}/pages"] = ("ListScannedPages", "Every scanned page: filed documents, effective type, masked ID numbers with matched members, corrections, warnings", "clerk, archivist"),
        ["POST /api/cases/{caseId}/forms/{formId}"] = ("RenderIntoCase", "Render a form (JSON case data) and file it into the case", "clerk"),
        ["POST /api/cases/{caseId}/scans"] = ("UploadScans", "Upload scans (multipart, several files, optional hints): OCR, match, file", "clerk"),
        ["POST /api/cases/{caseId}/supplement-notice"] = ("SupplementNotice", "File and download the 补充材料一次性告知书 for what is missing", "clerk"),
        ["POST /api/cases/{caseId}/seal"] = ("SealCase", "Seal the case (no writes afterwards)", "clerk"),
        ["POST /api/cases/{caseId}/pages/corrections"] = ("CorrectPage", "Correct a scanned page's type or matched member (JSON body); filed as a new 识别结果更正 document", "clerk"),
        ["POST /api/cases/{caseId}/supplement-volume"] = ("OpenSupplementVolume", "Open the next 补充卷 of a sealed case, with the case data copied in", "clerk"),
        ["GET /api/cases/{caseId}/dossier"] = ("GetDossier", "The case as one dossier PDF", "archivist"),
        ["GET /api/cases/{caseId}/export"] = ("ExportCase", "Export package (ZIP) of a sealed case", "archivist"),
        ["GET /api/cases/{caseId}/verify"] = ("VerifyCase", "四性检测 report; format=json|pdf", "archivist"),
        ["POST /api/cases/{caseId}/events"] = ("RecordCaseEvent", "Record a step of the procedure (JSON body: kind, at or date, outcome, reason, staff)", "clerk"),
        ["GET /api/cases/{caseId}/progress"] = ("GetCaseProgress", "Stage, deadlines, warnings and timeline of a case", "clerk, archivist"),
        ["GET /api/todo"] = ("GetTodoList", "待办 of a township", "clerk (own township), archivist"),
        ["GET /api/review-list"] = ("GetReviewList", "定期复核名单 of a township for a month", "clerk (own township), archivist"),
        ["GET /api/keys"] = ("ListKeys", "API keys (never their secrets)", "admin"),
        ["POST /api/keys"] = ("AddKey", "Create an API key; the secret is in this response only", "admin"),
        ["DELETE /api/keys/{id}"] = ("RevokeKey", "Revoke an API key", "admin"),
        ["GET /api/audit"] = ("ReadAudit", "The append-only audit log, optionally of one case", "admin, archivist"),
        ["GET /api/audit/verify"] = ("VerifyAudit", "Checks the audit log's hash chain; reports the head hash and the first break", "admin, archivist"),
    };

    public static void AddApiDocs(this IServiceCollection services) => services.AddOpenApi(o =>
    {
        o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "FormArchive";
            document.Info.Description = "Forms, cases and archives of social-assistance casework. Send API keys in the X-Api-Key header.";
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[ApiKeyScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Header, Name = "X-Api-Key",
                Description = "API key; its role (integrator, clerk, archivist, admin) decides what it may do",
            };
            // The key is required document-wide, so that Scalar selects it and sends X-Api-Key ("No authentication
            // selected" otherwise); the public operations say so with an empty requirement ({}: no key needed).
            var apiKey = new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKeyScheme, document)] = [] };
            document.Security = [apiKey];
            foreach (var (path, item) in document.Paths)
            {
                if (item.Operations is null) continue;
                foreach (var (method, operation) in item.Operations)
                {
                    var known = Operations.TryGetValue($"{method.Method.ToUpperInvariant()} {path}", out var op);
                    operation.Security = [known && op.Roles.Length == 0 ? new OpenApiSecurityRequirement() : apiKey];
                }
            }
            return Task.CompletedTask;
        });
        o.AddOperationTransformer((operation, context, _) =>
        {
            var d = context.Description;
            // A group's root route ("api/cases/") is "/api/cases" in the document and in the table.
            var key = $"{d.HttpMethod?.ToUpperInvariant()} /{Constraint().Replace(d.RelativePath ?? "", "}").TrimEnd('/')}";
            if (Operations.TryGetValue(key, out var op))
            {
                operation.OperationId ??= op.Id;
                operation.Summary ??= op.Summary;
                if (op.Roles.Length > 0) operation.Description ??= $"API key roles: {op.Roles}.";
            }
            return Task.CompletedTask;
        });
    });

    /// <summary>/openapi/v1.json and /scalar.</summary>
    public static void MapApiDocs(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi();
        app.MapScalarApiReference(o => o.WithTitle("FormArchive API").AddPreferredSecuritySchemes([ApiKeyScheme]));
    }

    /// <summary>Route constraints such as {no:int} become {no}.</summary>
    [GeneratedRegex(@":[^}]*\}")]
    private static partial Regex Constraint();
}
