namespace FormArchive.Casework.Opening;

/// <summary>Checks an application before a case is opened: every field at fault, by path, in one answer.</summary>
public static class CaseApplicationCheck
{
    public static IReadOnlyList<FieldProblem> Problems(CaseApplication r)
    {
        var errors = new List<FieldProblem>();
        void Add(string path, string message) => errors.Add(new FieldProblem(path, message));
        if (!string.IsNullOrWhiteSpace(r.CaseId)) Add("$.caseId", "case ids are issued by the server; give your own number as fileNumber");
        if (r.FileNumber is not null && Archive.Cases.FileNumbers.Problem(r.FileNumber) is { } badNumber) Add("$.fileNumber", badNumber);
        if (r.Applicant is not null && PersonName.Problem(r.Applicant.Name) is { } badName) Add("$.applicant.name", badName);
        if (r.Applicant is null) Add("$.applicant", "the applicant (name and idNumber) is required");
        if (r.Applicant is not null && !ChineseIdNumber.TryParse(r.Applicant.IdNumber, out _, out var why)) Add("$.applicant.idNumber", why);
        // JSON null for a list arrives as null, not as the empty default: refused by path, not a crash.
        if (r.Categories is null) Add("$.categories", "categories must be an array of assistance categories");
        else if (r.Categories.Count == 0) Add("$.categories", "at least one assistance category is required");
        else
            for (int i = 0; i < r.Categories.Count; i++)
                if (!AssistanceCategory.TryParse(r.Categories[i], out _))
                    Add($"$.categories[{i}]", $"unknown assistance category; one of {string.Join("、", AssistanceCategory.All.Select(c => c.Name))}");
        if (r.Members is null) Add("$.members", "members must be an array (it may be empty)");
        else
            for (int i = 0; i < r.Members.Count; i++)
            {
                if (r.Members[i] is null) { Add($"$.members[{i}]", "a member is an object with name and idNumber"); continue; }
                if (PersonName.Problem(r.Members[i].Name) is { } bad) Add($"$.members[{i}].name", bad);
                if (!ChineseIdNumber.TryParse(r.Members[i].IdNumber, out _, out var badId)) Add($"$.members[{i}].idNumber", badId);
            }
        return errors;
    }
}
