using FormArchive.Api.Access;
using FormArchive.Api.Audit;
using FormArchive.Archive;
using FormArchive.Archive.Cases;

namespace FormArchive.Api.Cases;

/// <summary>
/// A request's view of one case (scoped: one per request): who asks, the archive, the case as of now. Filled by
/// <see cref="CaseScopeFilter"/> before the handler, which takes it as a parameter.
/// </summary>
public sealed class CaseContext(RequestAudit audit)
{
    public Caller Caller { get; private set; } = null!;
    public ArchiveHost Host { get; private set; } = null!;
    public CaseManifest Case { get; private set; } = null!;
    public HttpContext Http { get; private set; } = null!;

    public CaseArchive Archive => Host.Archive;
    public CancellationToken Cancel => Http.RequestAborted;

    /// <summary>Set by the handler: what the audit line says about the request (ID numbers are masked anyway).</summary>
    public string Detail { get => audit.Detail; set => audit.Detail = value; }

    internal void Enter(Caller caller, ArchiveHost host, CaseManifest manifest, HttpContext http) =>
        (Caller, Host, Case, Http) = (caller, host, manifest, http);
}
