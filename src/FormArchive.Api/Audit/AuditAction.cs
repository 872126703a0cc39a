namespace FormArchive.Api.Audit;

/// <summary>Endpoint metadata: the action an audited request is recorded under (case.event, todo.read …).</summary>
public sealed record AuditAction(string Name);

public static class AuditActions
{
    /// <summary>
    /// Names the action, for an endpoint of a group that audits already (<see cref="Cases.CaseGroup"/>).
    /// </summary>
    public static TBuilder WithAuditAction<TBuilder>(this TBuilder endpoint, string action) where TBuilder : IEndpointConventionBuilder =>
        endpoint.WithMetadata(new AuditAction(action));

    /// <summary>
    /// Audits the endpoint under <paramref name="action"/>: its filter goes first, so that a body the
    /// <see cref="Http.JsonBodyFilter"/> refuses is audited too, whatever order the builder calls come in.
    /// </summary>
    public static RouteHandlerBuilder Audited(this RouteHandlerBuilder endpoint, string action)
    {
        endpoint.WithAuditAction(action);
        endpoint.Add(b => b.FilterFactories.Insert(0, (_, next) => AuditFilter.Around(next)));
        return endpoint;
    }
}
