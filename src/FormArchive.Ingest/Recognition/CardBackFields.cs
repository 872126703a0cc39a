using FormArchive.Domain;

namespace FormArchive.Ingest.Recognition;

/// <summary>What the back of a resident identity card says: 签发机关 and 有效期限.</summary>
public sealed record CardBackFields(string? IssuingAuthority, IdCardValidity? Validity, string? ValidityText)
{
    /// <summary>Reads the back's two fields; null when the page has neither label nor a validity period.</summary>
    public static CardBackFields? Read(PageText page)
    {
        var authority = page.ValueOf("签发机关")?.Value;
        var validityText = page.ValueOf("有效期限")?.Value;
        IdCardValidity? validity = null;
        if (validityText is not null) _ = IdCardValidity.TryParse(validityText, out validity);
        // The label may not read while the period does.
        if (validity is null)
            foreach (var line in page.Lines)
                if (IdCardValidity.TryParse(line.Text, out var v)) { validity = v; validityText ??= PageText.Compact(line.Text); break; }
        if (authority is null && validity is null) return null;
        return new CardBackFields(authority, validity, validityText);
    }
}
