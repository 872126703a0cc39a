using FormArchive.Api.Access;
using FormArchive.Archive.Access;
using FormArchive.Api.Audit;
using FormArchive.Api.Cases;

namespace FormArchive.Api.Endpoints;

/// <summary>/api/keys (admin), /api/audit and /api/audit/verify (admin, archivist).</summary>
public static class AdminEndpoints
{
    public static void MapAdminEndpoints(this IEndpointRouteBuilder app)
    {
        var keys = app.MapGroup("/api/keys").RequireRoles(Role.Admin);
        keys.MapGet("", (ApiKeyStore store) => Results.Ok(store.List()));
        keys.MapPost("", async (HttpContext http, ApiKeyStore store) =>
        {
            var (request, problem) = await JsonBody.ReadAsync<CreateKeyRequest>(http.Request, http.RequestAborted);
            if (problem is not null) return problem;
            if (!Roles.TryParse(request!.Role, out var role))
                return Problems.BadRequest("Unknown role", $"role must be integrator, clerk, archivist or admin, not '{request.Role}'");
            try
            {
                var issued = store.Add(request.Name, role, request.Township);
                // The secret is in this response only; the store keeps its hash.
                return Results.Created($"/api/keys/{issued.Key.Id}", new { key = issued.Key, secret = issued.Secret });
            }
            catch (ArgumentException e)
            {
                return Problems.BadRequest("Invalid key", e.Message);
            }
        });
        keys.MapDelete("/{id}", (string id, ApiKeyStore store) =>
            store.Revoke(id) ? Results.NoContent() : Problems.Create(StatusCodes.Status404NotFound, "Key not found", $"no active key {id}"));

        app.MapGet("/api/audit", (string? caseId, int? limit, HttpContext http, AuditLog audit) =>
        {
            var entries = audit.Read(string.IsNullOrWhiteSpace(caseId) ? null : caseId, limit ?? 200);
            var result = Results.Ok(entries);
            CaseAccess.Audit(http, Caller.Required(http), "audit.read", caseId, "", result);
            return result;
        }).RequireRoles(Role.Admin, Role.Archivist);

        // The hash chain of the whole log; the head is worth writing down elsewhere (a truncated tail keeps a valid chain).
        app.MapGet("/api/audit/verify", (HttpContext http, AuditLog audit) =>
        {
            var verification = audit.Verify();
            var result = Results.Ok(verification);
            CaseAccess.Audit(http, Caller.Required(http), "audit.verify", null, verification.Intact ? $"intact, {verification.Entries} entries" : $"broken at {verification.BrokenAt}", result);
            return result;
        }).RequireRoles(Role.Admin, Role.Archivist);
    }
}
