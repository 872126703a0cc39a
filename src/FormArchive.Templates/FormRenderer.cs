using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;
using Scriban.Syntax;

namespace FormArchive.Templates;

/// <summary>
/// Fills a form's template with case data and returns document markup (docs/markup.md).
/// Thread-safe and stateless apart from its settings; one instance can serve every request.
/// </summary>
public sealed class FormRenderer
{
    private readonly JsonSchemaValidatorSettings _validatorSettings;

    /// <summary>Creates a renderer with the project's custom formats (<c>cn-id-number</c>, <c>date-or-month</c>, <c>assistance-category</c>).</summary>
    public FormRenderer()
    {
        _validatorSettings = CreateValidatorSettings();
    }

    /// <summary>Validator settings with the custom formats registered (also used by callers validating case files).</summary>
    public static JsonSchemaValidatorSettings CreateValidatorSettings()
    {
        var settings = new JsonSchemaValidatorSettings();
        settings.AddCustomFormatValidator(new IdNumberFormatValidator());
        settings.AddCustomFormatValidator(new IsoDateOrMonthFormatValidator());
        settings.AddCustomFormatValidator(new AssistanceCategoryFormatValidator());
        return settings;
    }

    /// <summary>
    /// Renders <paramref name="form"/> with <paramref name="jsonData"/>:
    /// null/empty/white space → the blank paper form; otherwise the JSON is parsed, validated against the
    /// form's schema, shaped (<see cref="DataShaper"/>) and rendered in strict mode with every interpolated
    /// value XML-escaped.
    /// </summary>
    /// <exception cref="FormDataException">The data is not a JSON object or does not match the schema.</exception>
    /// <exception cref="TemplateRenderException">The template failed at run time (a template bug).</exception>
    public string RenderMarkup(FormTemplate form, string? jsonData)
    {
        ArgumentNullException.ThrowIfNull(form);
        JToken? data = null;
        if (!string.IsNullOrWhiteSpace(jsonData))
        {
            data = ParseJson(form.Id, jsonData);
            Validate(form, data);
        }
        return Render(form, DataShaper.Shape(data, form.Schema));
    }

    /// <summary>Validates <paramref name="jsonData"/> against the form's schema without rendering.</summary>
    /// <returns>The problems found; empty when the data is acceptable.</returns>
    public IReadOnlyList<FormDataError> Validate(FormTemplate form, string? jsonData)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (string.IsNullOrWhiteSpace(jsonData))
            return [];
        try
        {
            var data = ParseJson(form.Id, jsonData);
            return CollectErrors(form.Schema, data);
        }
        catch (FormDataException ex)
        {
            return ex.Errors;
        }
    }

    /// <summary>
    /// Validates <paramref name="jsonData"/> against any schema (the shared case schema, when a case's data is saved)
    /// with the same formats and case rules as rendering.
    /// </summary>
    public IReadOnlyList<FormDataError> Validate(JsonSchema schema, string id, string jsonData)
    {
        ArgumentNullException.ThrowIfNull(schema);
        try
        {
            return CollectErrors(schema, ParseJson(id, jsonData));
        }
        catch (FormDataException ex)
        {
            return ex.Errors;
        }
    }

    private void Validate(FormTemplate form, JToken data)
    {
        var errors = CollectErrors(form.Schema, data);
        if (errors.Count > 0)
            throw new FormDataException(form.Id, errors);
    }

    private IReadOnlyList<FormDataError> CollectErrors(JsonSchema schema, JToken data)
    {
        if (data is not JObject)
            return [new FormDataError("$", $"数据应为 JSON 对象，实际为 {data.Type}。", "ObjectExpected")];
        var errors = new List<FormDataError>();
        var validator = new JsonSchemaValidator(_validatorSettings);
        foreach (var e in validator.Validate(data, schema))
            Flatten(e, errors);
        if (errors.Count > 0)
            return Tidy(errors);
        // Rules JSON Schema cannot say (ID number vs sex/birth, 职业状况, amounts…), on data of the right shape.
        return CaseRules.Check(schema, (JObject)data);
    }

    private static readonly HashSet<string> TypeKinds =
    [
        nameof(ValidationErrorKind.StringExpected), nameof(ValidationErrorKind.NumberExpected),
        nameof(ValidationErrorKind.IntegerExpected), nameof(ValidationErrorKind.BooleanExpected),
        nameof(ValidationErrorKind.ObjectExpected), nameof(ValidationErrorKind.ArrayExpected),
        nameof(ValidationErrorKind.NullExpected),
    ];

    /// <summary>
    /// NJsonSchema checks a value against each type of a multi-type schema (<c>["string","null"]</c>) and reports
    /// every branch that failed. Keep what helps the caseworker: when the value had an acceptable type but broke
    /// a rule (pattern, format, range), only that rule; when its type was wrong, one type error, not "null expected".
    /// </summary>
    private static List<FormDataError> Tidy(List<FormDataError> errors)
    {
        var result = new List<FormDataError>();
        foreach (var group in errors.GroupBy(e => e.Path))
        {
            var list = group.DistinctBy(e => e.Message).ToList();
            var rules = list.Where(e => !TypeKinds.Contains(e.Kind)).ToList();
            if (rules.Count > 0)
                result.AddRange(rules);
            else
                result.Add(list.FirstOrDefault(e => e.Kind != nameof(ValidationErrorKind.NullExpected)) ?? list[0]);
        }
        return result.OrderBy(e => e.Path, StringComparer.Ordinal).ToList();
    }

    private static void Flatten(ValidationError error, List<FormDataError> into)
    {
        switch (error)
        {
            case ChildSchemaValidationError child when child.Errors.Count > 0:
                foreach (var nested in child.Errors.SelectMany(kv => kv.Value))
                    Flatten(nested, into);
                return;
            case MultiTypeValidationError multi when multi.Errors.Count > 0:
                // A value of a type that no alternative allows: report it once, not once per alternative.
                if (multi.Errors.Values.Any(list => list.Count == 0))
                    return;
                var first = multi.Errors.Values.First();
                foreach (var nested in first)
                    Flatten(nested, into);
                return;
        }
        into.Add(ValidationMessages.ToFormDataError(error));
    }

    private static JToken ParseJson(string formId, string json)
    {
        try
        {
            using var reader = new JsonTextReader(new StringReader(json))
            {
                DateParseHandling = DateParseHandling.None,
                FloatParseHandling = FloatParseHandling.Decimal,
                MaxDepth = 64,
            };
            var token = JToken.ReadFrom(reader, new JsonLoadSettings
            {
                DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error,
                CommentHandling = CommentHandling.Ignore,
                LineInfoHandling = LineInfoHandling.Load,
            });
            while (reader.Read())
            {
                if (reader.TokenType != JsonToken.Comment)
                    throw new JsonReaderException($"Additional text after the JSON value, line {reader.LineNumber}, position {reader.LinePosition}.");
            }
            return token;
        }
        catch (JsonException ex)
        {
            throw new FormDataException(formId, [new FormDataError("$", "不是有效的 JSON：" + ex.Message, "InvalidJson")]);
        }
    }

    internal static string Render(FormTemplate form, Scriban.Runtime.ScriptObject model)
    {
        var context = new XmlEscapingTemplateContext
        {
            StrictVariables = true,
            EnableRelaxedMemberAccess = false,
            EnableRelaxedTargetAccess = false,
            EnableRelaxedFunctionAccess = false,
            EnableRelaxedIndexerAccess = false,
            LoopLimit = 10_000,
            RecursiveLimit = 50,
        };
        context.PushGlobal(model);
        // Functions above the data so data cannot shadow them; template variables land in this fresh object.
        context.PushGlobal(TemplateFunctions.CreateScriptObject());
        try
        {
            return form.Template.Render(context);
        }
        catch (ScriptRuntimeException ex)
        {
            throw new TemplateRenderException(form.Id, ex.Message, ex);
        }
    }
}
