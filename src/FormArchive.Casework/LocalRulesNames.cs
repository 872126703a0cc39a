namespace FormArchive.Casework;

/// <summary>Reads a procedure's name as settings write it: chizhou (池州, the default when empty) or yunyang (云阳).</summary>
public static class LocalRulesNames
{
    /// <exception cref="ArgumentException">Neither name (the message says which, in Chinese).</exception>
    public static LocalRules Parse(string? text) => text?.Trim() switch
    {
        null or "" => LocalRules.Chizhou,
        var s when s.Equals("chizhou", StringComparison.OrdinalIgnoreCase) || s == "池州" => LocalRules.Chizhou,
        var s when s.Equals("yunyang", StringComparison.OrdinalIgnoreCase) || s == "云阳" => LocalRules.Yunyang,
        var s => throw new ArgumentException($"办理规则“{s}”无法识别，应为 chizhou（池州）或 yunyang（云阳）。"),
    };
}
