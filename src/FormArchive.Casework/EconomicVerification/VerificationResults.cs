using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using FormArchive.Archive.Cases;
using FormArchive.Casework.Filing;
using FormArchive.Casework.Volumes;
using FormArchive.Ingest.Recognition;
using static FormArchive.Casework.EconomicVerification.VerificationFieldKind;

namespace FormArchive.Casework.EconomicVerification;

/// <summary>
/// The 核对 results filed in a case (<see cref="VerificationFiling"/>), across its volumes, and the labelled view of them
/// the desks show. Found from the 卷内目录 by the data documents' file names; the current one is the newest filed.
/// </summary>
public static class VerificationResults
{
    /// <summary>Whether the document is the data of a filed 核对 result.</summary>
    public static bool IsData(DocumentEntry d) =>
        d.FileName.EndsWith(VerificationFiling.DataSuffix, StringComparison.Ordinal) && d.MediaType == "application/json" && d.DerivedFrom is not null;

    /// <summary>Every result filed in <paramref name="volumes"/>, oldest first.</summary>
    public static IReadOnlyList<FiledVerification> In(IEnumerable<CaseManifest> volumes) =>
        [.. volumes.SelectMany(v => v.Documents.Where(IsData).Select(d => new FiledVerification(v.CaseId,
            v.Documents.LastOrDefault(r => r.No < d.No && r.Sha256 == d.DerivedFrom && r.MediaType == "application/pdf"), d)))];

    /// <summary>The case's results across its volumes (the current one in full), or null if none is filed.</summary>
    public static async Task<CaseVerificationView?> ViewAsync(CaseArchive archive, CaseManifest m, CancellationToken ct)
    {
        var volumes = await SupplementVolumes.AllVolumesAsync(archive, m, ct);
        var filed = In(volumes);
        if (filed.Count == 0) return null;
        var current = await DescribeAsync(archive, volumes, filed[^1], ct);
        return new CaseVerificationView(current, [.. filed.SkipLast(1).Reverse().Select(Entry)]);
    }

    /// <summary>One filed result in full, labelled, as the case's view shows it.</summary>
    public static async Task<VerificationResultView> DescribeAsync(CaseArchive archive, FiledVerification filed, CancellationToken ct) =>
        await DescribeAsync(archive, await SupplementVolumes.AllVolumesAsync(archive, await archive.GetManifestAsync(filed.Volume, ct), ct), filed, ct);

    /// <param name="volumes">Every volume of the result's case: the household is the newest volume's.</param>
    private static async Task<VerificationResultView> DescribeAsync(CaseArchive archive, IReadOnlyList<CaseManifest> volumes, FiledVerification filed,
        CancellationToken ct)
    {
        var volume = volumes.Single(v => v.CaseId == filed.Volume);
        var entry = Entry(filed);
        var summary = new List<LabelledValue> { new("agency", "核对机构", entry.Agency) };
        try
        {
            var record = await CaseDocuments.ReadJsonAsync<JsonObject>(archive, volume, filed.Data, ct);
            var data = record["data"] as JsonObject ?? throw new ArchiveCorruptException($"case {volume.CaseId}: document {filed.Data.No} holds no 核对 data");
            var household = await CaseHousehold.ReadAsync(archive, volumes[^1], ct);
            summary.AddRange(VerificationFields.Report.Where(f => data[f.Name] is not null)
                .Select(f => new LabelledValue(f.Name, f.Label, Shown(f.Kind, data[f.Name]!))));
            var sections = VerificationFields.Sections.Where(s => data[s.Name] is JsonArray).Select(s => Table(s, (JsonArray)data[s.Name]!)).ToList();
            return new VerificationResultView(entry.Volume, entry.ReportDocumentNo, entry.DataDocumentNo, entry.Agency, (string?)data["reportNumber"],
                entry.CheckedOn, entry.FiledAt, summary, sections, NotChecked(household, data[VerificationFields.Members.Name] as JsonArray ?? []));
        }
        catch (Exception e) when (e is ArchiveCorruptException or InvalidOperationException or FormatException)
        {
            // The case stays readable: the 卷内目录 still says where the result is, and the archivist's verify names what is wrong.
            summary.Add(new("unreadable", "核对数据", $"第 {filed.Data.No} 件（核对数据）无法按原样读取，请档案员运行核验（verify）。"));
            return new VerificationResultView(entry.Volume, entry.ReportDocumentNo, entry.DataDocumentNo, entry.Agency, entry.ReportNumber,
                entry.CheckedOn, entry.FiledAt, summary, [], []);
        }
    }

    private static VerificationResultEntry Entry(FiledVerification r) =>
        new(r.Volume, r.Report?.No, r.Data.No, r.Data.ResponsibleParty, r.Report?.DocNumber, r.Data.Date, r.Data.AddedAt);

    private static LabelledTable Table(VerificationSection section, JsonArray rows)
    {
        var fields = section.Fields.ToList();
        if (section == VerificationFields.Members) fields.Add(new(VerificationFields.InHouseholdName, VerificationFields.InHouseholdLabel, Text));
        var given = fields.Where(f => rows.Any(r => r?[f.Name] is not null)).ToList();
        return new LabelledTable(section.Name, section.Label, [.. given.Select(f => new LabelledColumn(f.Name, f.Label))],
            [.. rows.Select(r => (IReadOnlyDictionary<string, string>)given.Where(f => r?[f.Name] is not null)
                .ToDictionary(f => f.Name, f => Shown(f.Kind, r![f.Name]!)))]);
    }

    /// <summary>A kept value as a desk shows it: amounts as 1,234.00, ID numbers masked (in text too), yes/no as 是/否.</summary>
    private static string Shown(VerificationFieldKind kind, JsonNode value)
    {
        if (value.GetValueKind() is JsonValueKind.True or JsonValueKind.False) return value.GetValue<bool>() ? "是" : "否";
        return kind switch
        {
            Amount => Money.Format(value.GetValue<decimal>()),
            Area => value.GetValue<decimal>().ToString("0.##", CultureInfo.InvariantCulture),
            IdNumber => IdNumberMasking.Mask(value.GetValue<string>()),
            _ => IdNumberMasking.MaskInText(value.GetValue<string>()),
        };
    }

    /// <summary>The household's members whom the persons checked do not name (by ID number, or by name where none is given).</summary>
    private static IReadOnlyList<string> NotChecked(IReadOnlyList<HouseholdMember> household, JsonArray members) =>
        [.. household.Where(h => !members.Any(p => (string?)p?["idNumber"] is { } id
            ? string.Equals(id, h.IdNumber, StringComparison.OrdinalIgnoreCase)
            : (string?)p?["name"] == h.Name)).Select(h => h.Name)];
}
