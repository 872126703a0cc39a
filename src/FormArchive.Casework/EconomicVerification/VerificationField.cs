namespace FormArchive.Casework.EconomicVerification;

/// <summary>What a field of a 核对 result holds, and so how it is checked, kept and shown.</summary>
public enum VerificationFieldKind
{
    /// <summary>One line of text, at most 100 characters.</summary>
    Text,
    /// <summary>Text of several lines, at most 1000 characters (a conclusion, a finding).</summary>
    LongText,
    /// <summary>元 (<see cref="FormArchive.Domain.Money"/>): a JSON number or a string of digits, to the 分, not negative; shown as 1,234.00.</summary>
    Amount,
    /// <summary>A calendar day, ISO 8601 (yyyy-MM-dd).</summary>
    Date,
    /// <summary>A 公民身份号码 (<see cref="ChineseIdNumber"/>): checked, kept whole, shown masked.</summary>
    IdNumber,
    /// <summary>Square metres: a number, to two decimals, not negative.</summary>
    Area,
    /// <summary>A 统一社会信用代码 (<see cref="UnifiedSocialCreditCode"/>): checked.</summary>
    CreditCode,
}

/// <summary>One field of a 核对 result: its JSON name (camelCase), its Chinese label, its kind, and whether it must be given.</summary>
public sealed record VerificationField(string Name, string Label, VerificationFieldKind Kind, bool Required = false);

/// <summary>One list of a 核对 result (核对对象, 收入, 不动产 …): its JSON name, its Chinese label and the fields of its rows.</summary>
public sealed record VerificationSection(string Name, string Label, IReadOnlyList<VerificationField> Fields);
