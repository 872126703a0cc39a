namespace FormArchive.Archive.Storage;

/// <summary>S3 object-lock mode and period applied to a case's vault objects when it is sealed.</summary>
public sealed record RetentionPolicy(RetentionMode Mode = RetentionMode.Compliance, int Years = 30)
{
    public DateTimeOffset Until(DateTimeOffset sealedAt) => sealedAt.AddYears(Years);
}

/// <summary>COMPLIANCE: nobody may shorten or remove; GOVERNANCE: privileged users may.</summary>
public enum RetentionMode { Governance, Compliance }
