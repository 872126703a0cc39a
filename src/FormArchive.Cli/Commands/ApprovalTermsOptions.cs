using System.CommandLine;
using FormArchive.Casework;

namespace FormArchive.Cli.Commands;

/// <summary>The options of a 批准's terms (<c>--per-capita 520 --household 1040 --from-month 2024-04</c> …), read into the API's request shape.</summary>
internal sealed class ApprovalTermsOptions
{
    private readonly Option<int?> _persons = new("--covered-persons") { Description = "批准: 纳入人数" };
    private readonly Option<decimal?> _perCapita = new("--per-capita") { Description = "批准 低保: 人均补助金额（元/月）" };
    private readonly Option<decimal?> _household = new("--household") { Description = "批准 低保: 家庭补助金额（元/月）" };
    private readonly Option<string?> _supportForm = new("--support-form") { Description = "批准 特困: 供养形式（分散供养 or 集中供养）" };
    private readonly Option<decimal?> _basic = new("--basic-monthly") { Description = "批准 特困: 基本生活标准（元/月）" };
    private readonly Option<string?> _careLevel = new("--care-level") { Description = "批准 特困: 照料护理标准（全护理、半护理 or 全自理）" };
    private readonly Option<decimal?> _care = new("--care-monthly") { Description = "批准 特困: 照料护理标准（元/月）" };
    private readonly Option<decimal?> _temporary = new("--temporary-amount") { Description = "批准 临时救助: 一次性救助金额（元）" };
    private readonly Option<string?> _fromMonth = new("--from-month") { Description = "批准: 从何月起执行（2024-04 or 2024年4月）" };

    public void AddTo(Command command)
    {
        foreach (var o in new Option[] { _persons, _perCapita, _household, _supportForm, _basic, _careLevel, _care, _temporary, _fromMonth })
            command.Options.Add(o);
    }

    /// <summary>The terms given, or null when none of the options is.</summary>
    public ApprovalTermsRequest? Read(ParseResult result)
    {
        var terms = new ApprovalTermsRequest
        {
            CoveredPersons = result.GetValue(_persons), PerCapitaMonthly = result.GetValue(_perCapita), HouseholdMonthly = result.GetValue(_household),
            SupportForm = result.GetValue(_supportForm), BasicMonthly = result.GetValue(_basic), CareLevel = result.GetValue(_careLevel),
            CareMonthly = result.GetValue(_care), TemporaryAmount = result.GetValue(_temporary), FromMonth = result.GetValue(_fromMonth),
        };
        return terms == new ApprovalTermsRequest() ? null : terms;
    }
}
