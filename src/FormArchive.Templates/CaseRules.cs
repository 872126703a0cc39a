using System.Globalization;
using FormArchive.Domain;
using Newtonsoft.Json.Linq;
using NJsonSchema;

namespace FormArchive.Templates;

/// <summary>
/// The case rules that JSON Schema cannot say, checked after schema validation (<see cref="FormRenderer"/>) on
/// the parts of the data the form's schema declares. Each rule's logic lives in the Domain; this class only
/// finds the values and reports <see cref="FormDataError"/>s with JSON paths:
/// <list type="bullet">
/// <item><b>IdNumberMismatch</b>: a person's 性别 or 出生年月 given and contradicting a valid ID number
/// (<see cref="IdNumberFacts"/>); the message names the person.</item>
/// <item><b>OccupationStatus</b>: 职业状况 not one of the classes (1)–(7) (<see cref="OccupationStatus"/>).</item>
/// <item><b>MoneyPrecision</b>: an amount (schema keyword <c>"x-money": true</c>) finer than a 分
/// (<see cref="BenefitAmount.IsWholeFen"/>).</item>
/// <item><b>AmountMismatch</b>: an object with <c>per_capita_monthly</c> and <c>household_monthly</c> whose household
/// amount is not the per-capita amount × <c>covered_persons</c> (its own, or its nearest enclosing object's)
/// (<see cref="BenefitAmount.IsConsistent"/>).</item>
/// <item><b>SelfCare</b>: a 生活自理能力 conclusion contradicting the six items (<see cref="SelfCareAssessment"/>).</item>
/// </list>
/// </summary>
public static class CaseRules
{
    /// <summary>Schema keyword marking an amount of money in 元.</summary>
    public const string MoneyKeyword = "x-money";

    private const int MaxDepth = 32;

    /// <summary>The rule violations in <paramref name="data"/> (already valid against <paramref name="schema"/>), ordered by path.</summary>
    public static IReadOnlyList<FormDataError> Check(JsonSchema schema, JObject data)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(data);
        var errors = new List<FormDataError>();
        Walk(data, schema, [], errors, 0);
        return errors.OrderBy(e => e.Path, StringComparer.Ordinal).ToList();
    }

    private static void Walk(JToken token, JsonSchema schema, List<JObject> ancestors, List<FormDataError> errors, int depth)
    {
        if (depth > MaxDepth)
            return;
        var actual = schema.ActualSchema;
        switch (token)
        {
            case JObject obj:
            {
                var declared = Declared(actual);
                CheckPerson(obj, declared, errors);
                CheckAmounts(obj, declared, ancestors, errors);
                CheckSelfCare(obj, declared, errors);
                ancestors.Add(obj);
                foreach (var (name, propertySchema) in declared)
                {
                    if (obj[name] is { Type: not JTokenType.Null } child)
                        Walk(child, propertySchema, ancestors, errors, depth + 1);
                }
                ancestors.RemoveAt(ancestors.Count - 1);
                break;
            }
            case JArray array when actual.Item is { } itemSchema:
                foreach (var item in array)
                    Walk(item, itemSchema, ancestors, errors, depth + 1);
                break;
            case JValue { Type: JTokenType.Integer or JTokenType.Float } value when IsMoney(schema):
                if (ToDecimal(value) is { } amount && !BenefitAmount.IsWholeFen(amount))
                    errors.Add(new FormDataError(value.Path.Length == 0 ? "$" : "$." + value.Path,
                        $"金额 {value.ToString(Newtonsoft.Json.Formatting.None)} 元超过两位小数（金额以元为单位，精确到分）。", "MoneyPrecision"));
                break;
        }
    }

    private static void CheckPerson(JObject obj, IReadOnlyDictionary<string, JsonSchema> declared, List<FormDataError> errors)
    {
        if (declared.ContainsKey("occupation_status") && obj["occupation_status"] is JValue occupation
            && Text(occupation).Trim().Length > 0 && !OccupationStatus.TryParse(Text(occupation), out _))
        {
            errors.Add(new FormDataError(PathOf(occupation),
                $"{Who(obj)}的职业状况“{Text(occupation)}”不在填表说明的分类中，应为：{OccupationStatus.LabelList}（或写作（1）至（7））。", "OccupationStatus"));
        }
        if (!declared.ContainsKey("id_number") || !ChineseIdNumber.TryParse(Text(obj["id_number"]), out var id, out _))
            return;
        if (declared.ContainsKey("sex") && obj["sex"] is JValue sex && IdNumberFacts.SexContradicts(Text(sex), id))
            errors.Add(new FormDataError(PathOf(sex), $"{Who(obj)}的性别“{Text(sex)}”与身份证号码不符（号码 {id.Value} 为{id.Sex}性）。", "IdNumberMismatch"));
        if (declared.ContainsKey("birth_date") && obj["birth_date"] is JValue birth && IdNumberFacts.BirthContradicts(Text(birth), id))
            errors.Add(new FormDataError(PathOf(birth),
                $"{Who(obj)}的出生年月“{Text(birth)}”与身份证号码不符（号码中的出生日期为 {id.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}）。", "IdNumberMismatch"));
    }

    private static void CheckAmounts(JObject obj, IReadOnlyDictionary<string, JsonSchema> declared, List<JObject> ancestors, List<FormDataError> errors)
    {
        if (!declared.ContainsKey("per_capita_monthly") || !declared.ContainsKey("household_monthly"))
            return;
        if (ToDecimal(obj["per_capita_monthly"]) is not { } perCapita || obj["household_monthly"] is not JValue householdValue
            || ToDecimal(householdValue) is not { } household)
            return;
        var persons = ToDecimal(obj["covered_persons"]);
        for (var i = ancestors.Count - 1; persons is null && i >= 0; i--)
            persons = ToDecimal(ancestors[i]["covered_persons"]);
        if (persons is not { } n || n != decimal.Truncate(n) || n < 0)
            return;
        if (!BenefitAmount.IsConsistent(perCapita, (int)n, household))
        {
            var expected = BenefitAmount.Household(perCapita, (int)n);
            errors.Add(new FormDataError(PathOf(householdValue),
                $"家庭补助金额 {Money.Format(household)} 元与人均补助金额 {Money.Format(perCapita)} 元 × {n} 人 = {Money.Format(expected)} 元不一致。", "AmountMismatch"));
        }
    }

    private static readonly string[] SelfCareItems = ["eating", "dressing", "transfer", "toileting", "indoor_walking", "bathing"];

    private static void CheckSelfCare(JObject obj, IReadOnlyDictionary<string, JsonSchema> declared, List<FormDataError> errors)
    {
        if (!declared.ContainsKey("conclusion") || !SelfCareItems.All(declared.ContainsKey))
            return;
        if (obj["conclusion"] is not JValue given || Text(given).Trim().Length == 0)
            return;
        var answers = SelfCareItems.Select(n => obj[n] is JValue { Type: JTokenType.Boolean } b ? (bool?)(bool)b : null).ToList();
        if (SelfCareAssessment.Conclude(answers) is { } implied && implied != Text(given).Trim())
            errors.Add(new FormDataError(PathOf(given),
                $"生活自理能力结论“{Text(given)}”与评估项目不符：{answers.Count(a => a == false)} 项不能自主完成，应为“{implied}”。", "SelfCare"));
    }

    /// <summary>How a message names the person: 家庭成员“汪建国”（第3人）, 申请人“汪德顺” …</summary>
    private static string Who(JObject person)
    {
        var name = Text(person["name"]).Trim();
        var quoted = name.Length > 0 ? $"“{name}”" : "";
        var path = person.Path;
        string role;
        if (path.StartsWith("members[", StringComparison.Ordinal)) role = "家庭成员";
        else if (path.StartsWith("supporters[", StringComparison.Ordinal)) role = "赡（抚、扶）养人";
        else if (path == "applicant") role = "申请人";
        else if (path.Contains("guardians[", StringComparison.Ordinal)) role = "监护人";
        else role = "人员";
        var row = person.Parent is JArray array ? $"（第{array.IndexOf(person) + 1}人）" : "";
        return role + quoted + row;
    }

    private static bool IsMoney(JsonSchema schema)
    {
        foreach (var s in new[] { schema, schema.ActualSchema })
        {
            if (s.ExtensionData is { } ext && ext.TryGetValue(MoneyKeyword, out var raw) && raw is true or "true")
                return true;
        }
        return false;
    }

    private static Dictionary<string, JsonSchema> Declared(JsonSchema schema) => DataShaper.DeclaredProperties(schema);

    private static decimal? ToDecimal(JToken? token) => token is JValue { Type: JTokenType.Integer or JTokenType.Float } v
        ? Convert.ToDecimal(v.Value, CultureInfo.InvariantCulture)
        : null;

    private static string PathOf(JToken token) => token.Path.Length == 0 ? "$" : (token.Path.StartsWith('[') ? "$" : "$.") + token.Path;

    private static string Text(JToken? token) => token is JValue { Type: JTokenType.String } v ? (string?)v ?? "" : "";
}
