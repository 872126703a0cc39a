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
