namespace FormArchive.Casework.Records;

/// <summary>
/// A person read by OCR on a card front or 常住人口登记卡, offered to the clerk as a household member.
/// <see cref="CardExpired"/>: the back scanned with this front (same file) shows a 有效期限 that had passed.
/// </summary>
public sealed record ScannedPerson(string File, int Page, string Type, string? Name, string? Sex, string? Ethnicity, string? BirthDate,
    string? Address, string? Relationship, string? IdNumber, bool IdNumberValid, bool CardExpired = false, string? CardValidity = null);
