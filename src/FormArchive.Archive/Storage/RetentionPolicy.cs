namespace FormArchive.Archive.Storage;

/// <summary>S3 object-lock mode and period applied to a case's vault objects when it is sealed.</summary>
public sealed record RetentionPolicy(RetentionMode Mode = RetentionMode.Compliance, int Years = 30)
{
    public DateTimeOffset Until(DateTimeOffset sealedAt) => sealedAt.AddYears(Years);

    /// <summary>
    /// From settings text (FORMARCHIVE_RETENTION_MODE / _YEARS or FormArchive:RetentionMode / :RetentionYears).
    /// Unset means the default (COMPLIANCE, 30 years); a value that is set but wrong is an error, not a silent default,
    /// because a mistyped retention setting would otherwise seal records for the wrong period.
    /// </summary>
    public static RetentionPolicy Parse(string? mode, string? years)
    {
        var d = new RetentionPolicy();
        var m = string.IsNullOrWhiteSpace(mode) ? d.Mode
            : Enum.GetNames<RetentionMode>().FirstOrDefault(n => n.Equals(mode.Trim(), StringComparison.OrdinalIgnoreCase)) is { } name
                ? Enum.Parse<RetentionMode>(name)
            : throw new ArgumentException($"retention mode must be COMPLIANCE or GOVERNANCE, not '{mode}'");
        var y = string.IsNullOrWhiteSpace(years) ? d.Years
            : int.TryParse(years.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)
              && n is > 0 and <= 100 ? n
            : throw new ArgumentException($"retention years must be a whole number from 1 to 100, not '{years}'");
        return new RetentionPolicy(m, y);
    }
}

/// <summary>COMPLIANCE: nobody may shorten or remove; GOVERNANCE: privileged users may.</summary>
public enum RetentionMode { Governance, Compliance }
