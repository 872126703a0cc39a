namespace FormArchive.Archive.Cases;

/// <summary>A write to a sealed case (the API answers 409 Conflict). Corrections go into a 补充卷.</summary>
public sealed class CaseSealedException(string caseId)
    : Exception($"case {caseId} is sealed; file corrections in a supplementary volume (补充卷)")
{
    public string CaseId { get; } = caseId;
}

/// <summary>No case with this id (404).</summary>
public sealed class CaseNotFoundException(string caseId) : Exception($"case {caseId} not found")
{
    public string CaseId { get; } = caseId;
}

/// <summary>A case with this id already exists (409).</summary>
public sealed class CaseExistsException(string caseId) : Exception($"case {caseId} already exists")
{
    public string CaseId { get; } = caseId;
}

/// <summary>Stored case data that cannot be read as written (tampering or damage); verify explains more.</summary>
public sealed class ArchiveCorruptException(string message) : Exception(message);

/// <summary>
/// A case whose stored data is not as written (a broken event log, a seal event that disagrees with its signed
/// manifest, a listed object that is missing): it can be read, flagged, and verified, but not changed or sealed.
/// </summary>
public sealed class CaseDamagedException(string caseId, string damage)
    : Exception($"case {caseId} is damaged and cannot be changed: {damage} (run verify for the full report)")
{
    public string CaseId { get; } = caseId;
    public string Damage { get; } = damage;
}
