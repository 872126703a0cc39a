namespace FormArchive.Casework.Records;

/// <summary>An ID card back whose 有效期限 had passed on the scan date; <see cref="Holder"/>: the name on the front it is tied to.</summary>
public sealed record ExpiredCard(string File, int Page, string? Validity, string? ValidUntil, string? Holder = null);
