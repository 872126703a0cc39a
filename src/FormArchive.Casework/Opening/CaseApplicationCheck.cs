namespace FormArchive.Casework.Opening;

/// <summary>Checks an application before a case is opened: every field at fault, by path, in one answer.</summary>
public static class CaseApplicationCheck
{
    public static IReadOnlyList<FieldProblem> Problems(CaseApplication r)
    {
        var errors = new List<FieldProblem>();
        void Add(string path, string message) => errors.Add(new FieldProblem(path, message));
        if (!string.IsNullOrWhiteSpace(r.CaseId)) Add("$.caseId", "案件编号由系统生成，请勿填写；本单位的编号请填在 fileNumber（本单位案卷号）中。");
        if (r.FileNumber is not null && Archive.Cases.FileNumbers.Problem(r.FileNumber) is { } badNumber) Add("$.fileNumber", badNumber);
        if (r.Applicant is not null && PersonName.Problem(r.Applicant.Name) is { } badName) Add("$.applicant.name", badName);
        if (r.Applicant is null) Add("$.applicant", "缺少申请人：须填写申请人的姓名（name）和身份证号码（idNumber）。");
        if (r.Applicant is not null && !ChineseIdNumber.TryParse(r.Applicant.IdNumber, out _, out var why)) Add("$.applicant.idNumber", why);
        // JSON null for a list arrives as null, not as the empty default: refused by path, not a crash.
        if (r.Categories is null) Add("$.categories", "categories 须为救助类别的数组。");
        else if (r.Categories.Count == 0) Add("$.categories", "至少须填写一个救助类别。");
        else
            for (int i = 0; i < r.Categories.Count; i++)
                if (!AssistanceCategory.TryParse(r.Categories[i], out _))
                    Add($"$.categories[{i}]", $"未知的救助类别“{Shown(r.Categories[i])}”，应为以下之一：{string.Join("、", AssistanceCategory.All.Select(c => c.Name))}。");
        if (r.Members is null) Add("$.members", "members 须为家庭成员的数组（可以为空数组）。");
        else
            for (int i = 0; i < r.Members.Count; i++)
            {
                if (r.Members[i] is null) { Add($"$.members[{i}]", "家庭成员须为含姓名（name）和身份证号码（idNumber）的对象。"); continue; }
                if (PersonName.Problem(r.Members[i].Name) is { } bad) Add($"$.members[{i}].name", bad);
                if (!ChineseIdNumber.TryParse(r.Members[i].IdNumber, out _, out var badId)) Add($"$.members[{i}].idNumber", badId);
            }
        return errors;
    }

    /// <summary>What the clerk sent, cut short so that a hostile value cannot flood the answer.</summary>
    private static string Shown(string? text) => text is null ? "" : text.Length > 20 ? text[..20] + "…" : text;
}
