using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using FormArchive.Ingest.Recognition;
using static FormArchive.Casework.EconomicVerification.VerificationFieldKind;

namespace FormArchive.Casework.EconomicVerification;

/// <summary>
/// Reads the data of a 核对 result as the 核对机构 posts it (a JSON object of <see cref="VerificationFields"/>) into the
/// form it is kept in: every value checked by its kind and written canonically (amounts to the 分, dates ISO, ID
/// numbers upper-case), fields in the table's order, blank ones left out — so the same result posted twice, however
/// its JSON is spaced or ordered, is kept as the same bytes. The persons checked are matched to the case's household
/// by ID number (<c>inHousehold</c>); the applicant must be among them, and every row of the other lists must belong
/// to one of them. Every problem is collected and named by its Chinese label.
/// </summary>
public static class VerificationDataReader
{
    /// <summary>Rows a list may have.</summary>
    public const int MaxRows = 500;

    private const string Whole = "核对数据";

    /// <param name="household">The case's household (<see cref="Filing.CaseHousehold"/>).</param>
    /// <param name="applicant">The case's applicant: name and ID number (blank if the case has none).</param>
    /// <param name="today">China's today: a 核对 cannot be dated after it.</param>
    /// <exception cref="VerificationDataException">Anything wrong, every problem named; nothing is returned.</exception>
    public static JsonObject Read(string json, IReadOnlyList<HouseholdMember> household, (string Name, string IdNumber) applicant, DateOnly today)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException e)
        {
            throw Refused(Whole, $"不是有效的 JSON（第 {e.LineNumber + 1} 行第 {e.BytePositionInLine + 1} 个字节附近）。");
        }
        if (root is not JsonObject input) throw Refused(Whole, "应为一个 JSON 对象。");

        var problems = new List<VerificationProblem>();
        var data = new JsonObject();
        var lists = VerificationFields.Sections.Select(s => new VerificationField(s.Name, s.Label, Text));
        Unknown(input, [.. VerificationFields.Report, .. lists], Whole, problems);
        foreach (var field in VerificationFields.Report) Put(data, field, input[field.Name], field.Label, problems);
        if (data["checkedOn"] is { } checkedOn && DateOnly.Parse((string)checkedOn!, CultureInfo.InvariantCulture) > today)
            problems.Add(new("核对日期", $"{(string)checkedOn!} 晚于今天（{today:yyyy-MM-dd}），核对结果只能是已经作出的。"));
        foreach (var section in VerificationFields.Sections)
        {
            if (Rows(section, input[section.Name], problems) is { } rows) data[section.Name] = rows;
        }
        if (data[VerificationFields.Members.Name] is not JsonArray members)
        {
            if (input[VerificationFields.Members.Name] is null) problems.Add(new(VerificationFields.Members.Label, "不能为空：请列出核对的每个人（至少有申请人）。"));
        }
        else
        {
            MatchMembers(members, household, applicant, problems);
            foreach (var section in VerificationFields.Holdings)
                if (data[section.Name] is JsonArray rows) MatchOwners(section, rows, members, problems);
        }
        if (problems.Count > 0) throw new VerificationDataException(problems);
        return data;
    }

    private static VerificationDataException Refused(string field, string message) => new([new(field, message)]);

    private static void Unknown(JsonObject o, IEnumerable<VerificationField> fields, string where, List<VerificationProblem> problems)
    {
        var known = fields.ToList();
        foreach (var (name, _) in o)
            if (known.All(f => f.Name != name))
                problems.Add(new(where, $"没有名为“{Clip(name)}”的字段；可用的字段：{string.Join("、", known.Select(f => $"{f.Label}（{f.Name}）"))}。"));
    }

    private static JsonArray? Rows(VerificationSection section, JsonNode? node, List<VerificationProblem> problems)
    {
        if (node is null) return null;
        if (node is not JsonArray array)
        {
            problems.Add(new(section.Label, "应为一个数组，每项一个对象（查无记录时为空数组 []）。"));
            return null;
        }
        if (array.Count > MaxRows)
        {
            problems.Add(new(section.Label, $"最多 {MaxRows} 项，给出了 {array.Count} 项。"));
            return null;
        }
        var rows = new JsonArray();
        for (int i = 0; i < array.Count; i++)
        {
            var where = $"{section.Label}第 {i + 1} 项";
            if (array[i] is not JsonObject item)
            {
                problems.Add(new(where, "应为一个对象。"));
                continue;
            }
            Unknown(item, section.Fields, where, problems);
            var row = new JsonObject();
            foreach (var field in section.Fields) Put(row, field, item[field.Name], $"{where}的{field.Label}", problems);
            if (row["periodStart"] is { } from && row["periodEnd"] is { } to && string.CompareOrdinal((string)from!, (string)to!) > 0)
                problems.Add(new($"{where}的截止日期", $"{(string)to!} 早于起始日期 {(string)from!}。"));
            rows.Add(row);
        }
        return rows;
    }

    /// <summary>Puts the field's canonical value into <paramref name="into"/>; a blank value is left out (a required one is a problem).</summary>
    private static void Put(JsonObject into, VerificationField field, JsonNode? node, string label, List<VerificationProblem> problems)
    {
        if (node is null || (node is JsonValue blank && blank.GetValueKind() == JsonValueKind.String && string.IsNullOrWhiteSpace(blank.GetValue<string>())))
        {
            if (field.Required) problems.Add(new(label, "不能为空。"));
            return;
        }
        var (value, problem) = Canonical(field.Kind, node);
        if (problem is not null) problems.Add(new(label, problem));
        else into[field.Name] = value;
    }

    private static (JsonNode? Value, string? Problem) Canonical(VerificationFieldKind kind, JsonNode node)
    {
        string? text = node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>().Trim() : null;
        switch (kind)
        {
            case Text or LongText:
                if (text is null) return (null, "应为文字（JSON 字符串）。");
                text = text.ReplaceLineEndings("\n");
                int max = kind == Text ? 100 : 1000;
                if (text.Length > max) return (null, $"最多 {max} 个字，实际为 {text.Length:N0} 个字。");
                if (text.Any(c => char.IsControl(c) && (kind == Text || c != '\n'))) return (null, "不能含有控制字符" + (kind == Text ? "（如换行符）。" : "。"));
                return (JsonValue.Create(text), null);
            case Amount or Area:
                if (Number(node, text) is not { } amount)
                    return (null, $"应为数字（{(kind == Amount ? "元，如 1234.50" : "平方米，如 86.5")}），而不是“{Clip(node.ToJsonString())}”。");
                var problem = kind == Amount ? Money.Problem(amount)
                    : amount < 0 ? "面积不能为负数。" : decimal.Round(amount, 2) != amount ? "面积最多两位小数。" : amount > 1_000_000m ? "面积超出可记录的上限。" : null;
                // Two decimals always: 1200.5 and 1200.50 are the same amount, kept as the same bytes.
                return problem is null ? (JsonValue.Create(decimal.Round(amount, 2) + 0.00m), null) : (null, problem);
            case Date:
                if (text is null || !DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                    return (null, $"应为 yyyy-MM-dd 格式的日期（如 2025-03-04），而不是“{Clip(text ?? node.ToJsonString())}”。");
                return day.Year < 1900 ? (null, $"{text} 早于 1900 年。") : (JsonValue.Create(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), null);
            case IdNumber:
                if (text is null) return (null, "应为文字（JSON 字符串）。");
                return ChineseIdNumber.TryParse(text, out var id, out var error) ? (JsonValue.Create(id.Value), null) : (null, error);
            case CreditCode:
                if (text is null) return (null, "应为文字（JSON 字符串）。");
                return UnifiedSocialCreditCode.TryNormalize(text, out var code, out var invalid) ? (JsonValue.Create(code), null) : (null, invalid);
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
        }
    }

    private static decimal? Number(JsonNode node, string? text)
    {
        if (node is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<decimal>(out var n)) return n;
        const NumberStyles plain = NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign;
        return text is not null && decimal.TryParse(text, plain, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
    }

    /// <summary>
    /// Each person checked against the household: a number the household holds must carry that member's name; a person of
    /// no household number is matched by name. The applicant must be among them (巴阳府发〔2021〕10号: the 户主 of the 核查比对
    /// and of the 低保 must be the same, so that the result is linked to the case).
    /// </summary>
    private static void MatchMembers(JsonArray members, IReadOnlyList<HouseholdMember> household, (string Name, string IdNumber) applicant,
        List<VerificationProblem> problems)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < members.Count; i++)
        {
            var row = (JsonObject)members[i]!;
            var name = (string?)row["name"];
            var id = (string?)row["idNumber"];
            bool inHousehold;
            if (id is not null)
            {
                if (!seen.Add(id)) problems.Add(new($"核对对象第 {i + 1} 项的公民身份号码", $"{IdNumberMasking.Mask(id)} 已列在前面的核对对象中。"));
                var member = household.FirstOrDefault(h => string.Equals(h.IdNumber, id, StringComparison.OrdinalIgnoreCase));
                if (member is not null && name is not null && member.Name != name)
                    problems.Add(new($"核对对象第 {i + 1} 项的姓名", $"公民身份号码 {IdNumberMasking.Mask(id)} 在本案家庭成员中登记为“{member.Name}”，与“{name}”不符。"));
                inHousehold = member is not null;
            }
            else
            {
                inHousehold = household.Any(h => h.Name == name);
            }
            row[VerificationFields.InHouseholdName] = inHousehold;
        }
        // By number where the person and the case both give one, else by name.
        bool hasNumber = !string.IsNullOrWhiteSpace(applicant.IdNumber);
        bool IsApplicant(JsonNode? m) => hasNumber && (string?)m?["idNumber"] is { } id
            ? string.Equals(id, applicant.IdNumber.Trim(), StringComparison.OrdinalIgnoreCase)
            : (string?)m?["name"] == applicant.Name;
        if (!members.Any(IsApplicant))
            problems.Add(new(VerificationFields.Members.Label,
                $"没有本案申请人{applicant.Name}{(hasNumber ? $"（{IdNumberMasking.Mask(applicant.IdNumber)}）" : "")}：核对结果须以申请人为户主，才能关联到本案"
                + "（巴阳府发〔2021〕10号：“核查比对”与“纳入低保”的“户主”应当保持一致）。"));
    }

    /// <summary>Every row of a list belongs to a person checked: by ID number, or by name where the row gives no number.</summary>
    private static void MatchOwners(VerificationSection section, JsonArray rows, JsonArray members, List<VerificationProblem> problems)
    {
        for (int i = 0; i < rows.Count; i++)
        {
            var where = $"{section.Label}第 {i + 1} 项";
            // A name or number already refused is not looked for among the persons checked as well.
            if (problems.Any(p => p.Field == $"{where}的姓名" || p.Field == $"{where}的公民身份号码")) continue;
            var name = (string?)rows[i]!["name"];
            var id = (string?)rows[i]!["idNumber"];
            if (id is not null)
            {
                var owner = members.FirstOrDefault(m => string.Equals((string?)m!["idNumber"], id, StringComparison.Ordinal));
                if (owner is null) problems.Add(new($"{where}的公民身份号码", $"{IdNumberMasking.Mask(id)} 不是任何一位核对对象的号码。"));
                else if (name is not null && (string?)owner["name"] != name)
                    problems.Add(new($"{where}的姓名", $"“{name}”与公民身份号码 {IdNumberMasking.Mask(id)} 所属的核对对象“{(string?)owner["name"]}”不符。"));
            }
            else if (name is null)
                problems.Add(new(where, "须写明所属核对对象的姓名或公民身份号码。"));
            else if (members.All(m => (string?)m!["name"] != name))
                problems.Add(new($"{where}的姓名", $"“{name}”不是任何一位核对对象。"));
        }
    }

    private static string Clip(string s) => IdNumberMasking.MaskInText(s.Length > 40 ? s[..40] + "…" : s);
}
