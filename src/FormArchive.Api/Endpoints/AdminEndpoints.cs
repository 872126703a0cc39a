using FormArchive.Api.Access;
using FormArchive.Api.Audit;
using FormArchive.Api.Cases;
using FormArchive.Api.Http;
using FormArchive.Archive.Access;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FormArchive.Api.Endpoints;

/// <summary>/api/keys (admin), /api/audit and /api/audit/verify (admin, archivist).</summary>
public static class AdminEndpoints
{
    public static void MapAdminEndpoints(this IEndpointRouteBuilder app)
    {
        var keys = app.MapGroup("/api/keys").RequireAuthorization(AccessPolicies.Admin).WithTags("Keys");
        keys.MapGet("", ListKeys)
            .WithName("ListKeys")
            .WithSummary("API keys (never their secrets)");
        keys.MapPost("", AddKey)
            .AcceptsJson<CreateKeyRequest>()
            .WithName("AddKey")
            .WithSummary("Create an API key; the secret is in this response only")
            .WithDescription("JSON body: name, role (integrator, clerk, archivist or admin), township (clerks).");
        keys.MapDelete("/{id}", RevokeKey)
            .WithName("RevokeKey")
            .WithSummary("Revoke an API key");

        var audit = app.MapGroup("/api/audit").RequireAuthorization(AccessPolicies.Auditor).WithTags("Audit");
        audit.MapGet("", ReadAudit)
            .Audited("audit.read")
            .WithName("ReadAudit")
            .WithSummary("The append-only audit log, optionally of one case (caseId=, limit= default 200)");
        audit.MapGet("/verify", VerifyAudit)
            .Audited("audit.verify")
            .WithName("VerifyAudit")
            .WithSummary("Checks the audit log's hash chain; reports the head hash and the first break")
            .WithDescription("The head is worth writing down elsewhere: a truncated tail keeps a valid chain.");
    }

    private static Ok<IReadOnlyList<ApiKey>> ListKeys(ApiKeyStore store) => TypedResults.Ok(store.List());

    private static Results<Created<IssuedApiKey>, ProblemHttpResult> AddKey(HttpContext http, ApiKeyStore store)
    {
        var request = JsonBody.Of<CreateKeyRequest>(http);
        if (!Roles.TryParse(request.Role, out var role))
            return Problems.BadRequest("未知的角色",
                $"role 应为 integrator（接口调用方）、clerk（办事员）、verifier（核对机构）、archivist（档案员）或 admin（管理员），而不是“{request.Role}”。");
        Post? post = null;
        if (!string.IsNullOrWhiteSpace(request.Post))
        {
            if (!Posts.TryParse(request.Post, out var p)) return Problems.BadRequest("未知的岗位", $"post 应为 经办人 或 负责人，而不是“{request.Post}”。");
            post = p;
        }
        try
        {
            // A person in a post at a township or a county (the CLI's keys add --township/--county --post).
            var issued = store.Add(request.Name, role, request.Township, request.County, post);
            // The secret is in this response only; the store keeps its hash.
            return TypedResults.Created($"/api/keys/{issued.Key.Id}", issued);
        }
        catch (ArgumentException e)
        {
            return Problems.BadRequest("密钥信息有误", ProblemText.IsChinese(e.Message) ? e.Message : "请填写密钥的名称（是谁的密钥）。");
        }
    }

    private static Results<NoContent, ProblemHttpResult> RevokeKey(string id, ApiKeyStore store) =>
        store.Revoke(id) ? TypedResults.NoContent() : Problems.Create(StatusCodes.Status404NotFound, "未找到密钥", $"没有编号为 {id} 的有效密钥。");

    private static Ok<IReadOnlyList<AuditEntry>> ReadAudit(string? caseId, int? limit, AuditLog audit, RequestAudit line)
    {
        line.CaseId = caseId;
        return TypedResults.Ok(audit.Read(string.IsNullOrWhiteSpace(caseId) ? null : caseId, limit ?? 200));
    }

    private static Ok<AuditVerification> VerifyAudit(AuditLog audit, RequestAudit line)
    {
        var verification = audit.Verify();
        line.Detail = verification.Intact ? $"intact, {verification.Entries} entries" : $"broken at {verification.BrokenAt}";
        return TypedResults.Ok(verification);
    }
}
