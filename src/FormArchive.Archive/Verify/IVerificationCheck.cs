namespace FormArchive.Archive.Verify;

/// <summary>
/// A check of rules the archive does not know (who may sign which step of the procedure, in FormArchive.Casework),
/// run by <see cref="CaseVerifier"/> on the event log it has read from the store; its rows join the report like the
/// verifier's own. It reports damaged or unreadable data as failed rows and never throws for it.
/// </summary>
public interface IVerificationCheck
{
    /// <param name="log">The verified case's log as the store holds it (possibly broken: see <see cref="StoredEventLog.Problems"/>).</param>
    Task<IReadOnlyList<CheckResult>> RunAsync(StoredEventLog log, CancellationToken ct);
}
