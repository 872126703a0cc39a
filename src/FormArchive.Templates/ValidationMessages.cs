using FormArchive.Domain;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;

namespace FormArchive.Templates;

/// <summary>Turns NJsonSchema validation errors into <see cref="FormDataError"/>s with JSON paths and Chinese messages.</summary>
internal static class ValidationMessages
{
    public static FormDataError ToFormDataError(ValidationError error)
    {
        var path = ToJsonPath(error);
        var kind = error.Kind.ToString();
        var schema = error.Schema?.ActualSchema;
        var value = error.Token;

        if (schema?.Format == IdNumberFormatValidator.FormatName && value is JValue { Type: JTokenType.String } idValue)
        {
            _ = ChineseIdNumber.TryParse((string?)idValue, out _, out var reason);
            return new FormDataError(path, reason, "IdNumber");
        }
        if (schema?.Format == IsoDateOrMonthFormatValidator.FormatName || error.Kind == ValidationErrorKind.DateExpected)
            return new FormDataError(path,
                $"“{Show(value)}”不是有效日期，应写作“2024-05-30”{(schema?.Format == IsoDateOrMonthFormatValidator.FormatName ? "或“2024-05”" : "")}。", "Date");

        if (schema?.Format == AssistanceCategoryFormatValidator.FormatName)
            return new FormDataError(path, $"未知的保障类别“{Show(value)}”，应为：{string.Join("、", AssistanceCategory.All.Select(c => c.FormLabel))}（或其全称、简称）。",
                "AssistanceCategory");

        if (error.Kind is ValidationErrorKind.StringExpected or ValidationErrorKind.NumberExpected or ValidationErrorKind.IntegerExpected
            or ValidationErrorKind.BooleanExpected or ValidationErrorKind.ObjectExpected or ValidationErrorKind.ArrayExpected
            or ValidationErrorKind.NullExpected && schema is not null && schema.Type != JsonObjectType.None)
        {
            return new FormDataError(path, $"应为{TypeNames(schema!.Type)}，实际为{ShowTyped(value)}。", kind);
        }

        var message = error.Kind switch
        {
            ValidationErrorKind.PropertyRequired => "缺少必填项。",
            ValidationErrorKind.StringExpected => $"应为文本，实际为{ShowTyped(value)}。",
            ValidationErrorKind.NumberExpected => $"应为数字，实际为{ShowTyped(value)}。",
            ValidationErrorKind.IntegerExpected => $"应为整数，实际为{ShowTyped(value)}。",
            ValidationErrorKind.BooleanExpected => $"应为 true 或 false，实际为{ShowTyped(value)}。",
            ValidationErrorKind.ObjectExpected => $"应为对象，实际为{ShowTyped(value)}。",
            ValidationErrorKind.ArrayExpected => $"应为数组，实际为{ShowTyped(value)}。",
            ValidationErrorKind.NumberTooSmall or ValidationErrorKind.IntegerTooBig or ValidationErrorKind.NumberTooBig =>
                $"数值 {Show(value)} 超出允许范围（{Range(schema)}）。",
            ValidationErrorKind.StringTooLong => $"文本过长（最多 {schema?.MaxLength} 个字符）。",
            ValidationErrorKind.StringTooShort => $"文本过短（至少 {schema?.MinLength} 个字符）。",
            ValidationErrorKind.PatternMismatch => $"“{Show(value)}”格式不正确{(schema?.Pattern is { } p ? $"（应匹配 {p}）" : "")}。",
            ValidationErrorKind.NotInEnumeration => $"“{Show(value)}”不是允许的值（{string.Join("、", schema?.Enumeration.Select(x => x?.ToString()) ?? [])}）。",
            ValidationErrorKind.TooManyItems => $"条目过多（最多 {schema?.MaxItems} 条）。",
            ValidationErrorKind.TooFewItems => $"条目过少（至少 {schema?.MinItems} 条）。",
            ValidationErrorKind.NoAdditionalPropertiesAllowed => "不允许的属性。",
            _ => $"数据不符合要求（{kind}）。",
        };
        return new FormDataError(path, message, kind);
    }

    private static string TypeNames(JsonObjectType type)
    {
        var names = new List<string>();
        if (type.HasFlag(JsonObjectType.String)) names.Add("文本");
        if (type.HasFlag(JsonObjectType.Integer)) names.Add("整数");
        else if (type.HasFlag(JsonObjectType.Number)) names.Add("数字");
        if (type.HasFlag(JsonObjectType.Boolean)) names.Add("true 或 false");
        if (type.HasFlag(JsonObjectType.Object)) names.Add("对象");
        if (type.HasFlag(JsonObjectType.Array)) names.Add("数组");
        if (names.Count == 0 && type.HasFlag(JsonObjectType.Null)) names.Add("空（null）");
        return string.Join("或", names);
    }

    private static string Range(NJsonSchema.JsonSchema? schema)
    {
        if (schema is null)
            return "";
        var parts = new List<string>();
        if (schema.Minimum is { } min)
            parts.Add($"≥ {min}");
        if (schema.Maximum is { } max)
            parts.Add($"≤ {max}");
        return string.Join("，", parts);
    }

    private static string Show(JToken? token) => token switch
    {
        null => "空",
        JValue { Type: JTokenType.Null } => "null",
        JValue { Type: JTokenType.String } v => (string)v!,
        JValue { Type: JTokenType.Float } v => ShowNumber(v.Value),
        JValue v => v.ToString(Newtonsoft.Json.Formatting.None),
        JArray => "数组",
        JObject => "对象",
        _ => token.ToString(),
    };

    /// <summary>
    /// The value with its JSON type, for "expected a number" kinds of errors: a string "1000" reads 文本“1000”, so the
    /// user sees that the quotes are the problem, not the digits.
    /// </summary>
    private static string ShowTyped(JToken? token) => token switch
    {
        JValue { Type: JTokenType.String } v => $"文本“{(string)v!}”",
        JValue { Type: JTokenType.Integer or JTokenType.Float } => $"数字 {Show(token)}",
        JValue { Type: JTokenType.Boolean } => $" {Show(token)}",
        null or JValue { Type: JTokenType.Null } => $" {Show(token)}",
        _ => Show(token),
    };

    /// <summary>A JSON float as written in shortest form (1e9 → 1000000000, 0.1 → 0.1), never "1000000000.0".</summary>
    private static string ShowNumber(object? value) => value switch
    {
        double d => d.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        float f => f.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        decimal m => m.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
    };

    /// <summary>
    /// NJsonSchema reports paths like <c>#/members[2].id_number</c>; the value's own JToken path is used
    /// when available (it is exact), and the property name is appended for "required" errors.
    /// </summary>
    internal static string ToJsonPath(ValidationError error)
    {
        string path;
        if (error.Token is { } token && error.Kind != ValidationErrorKind.PropertyRequired)
            path = token.Path;
        else
        {
            path = error.Path ?? "";
            if (path.StartsWith("#/", StringComparison.Ordinal))
                path = path[2..];
            else if (path.StartsWith('#'))
                path = path[1..];
        }
        path = path.TrimStart('.');
        if (path.Length == 0)
            return "$";
        return "$" + (path.StartsWith('[') ? "" : ".") + path;
    }

}
