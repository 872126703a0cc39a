using System.Globalization;

namespace FormArchive.ScanGen;

/// <summary>What a card back says: 签发机关 and 有效期限, consistent with the holder's region and age.</summary>
public sealed record CardBackFacts(string IssuingAuthority, DateOnly ValidFrom, DateOnly? ValidTo)
{
    /// <summary>The day the generated captures are taken; a card that ran out before it is expired.</summary>
    public static readonly DateOnly CaptureDate = new(2026, 11, 27);

    private static readonly Dictionary<string, string> Authorities = new()
    {
        ["341702"] = "池州市公安局贵池分局", ["341721"] = "东至县公安局", ["341722"] = "石台县公安局", ["341723"] = "青阳县公安局",
        ["500235"] = "云阳县公安局", ["510104"] = "成都市公安局锦江区分局", ["420102"] = "武汉市公安局江岸区分局",
        ["330106"] = "杭州市公安局西湖区分局", ["110105"] = "北京市公安局朝阳分局", ["440304"] = "深圳市公安局福田分局",
        ["370202"] = "青岛市公安局市南分局", ["610113"] = "西安市公安局雁塔分局",
    };

    public bool Expired => ValidTo is { } to && to < CaptureDate;

    /// <summary>The 有效期限 line as printed: "2015.03.02-2035.03.02" or "2005.06.01-长期".</summary>
    public string Printed => $"{ValidFrom.ToString("yyyy.MM.dd", CultureInfo.InvariantCulture)}-{(ValidTo is { } t ? t.ToString("yyyy.MM.dd", CultureInfo.InvariantCulture) : "长期")}";

    public string ValidToText => ValidTo is { } t ? t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "长期";

    /// <summary>Issue date and term by the holder's age at issue (under 16: 5 years, 16–25: 10, 26–45: 20, 46 on: 长期).
    /// <paramref name="expired"/> forces a card that ran out before <see cref="CaptureDate"/> (or one still valid).</summary>
    public static CardBackFacts For(Random rng, SyntheticPerson p, bool? expired = null, bool? longTerm = null)
    {
        var authority = Authorities.TryGetValue(p.IdNumber[..6], out var a) ? a : "云阳县公安局";
        if (longTerm == true)
        {
            // 长期 is issued from the age of 46; the caller picks a holder old enough
            int year = Math.Clamp(p.BirthDate.Year + 46 + rng.Next(0, 10), 2004, 2025);
            return new CardBackFacts(authority, new DateOnly(year, rng.Next(1, 13), rng.Next(1, 29)), null);
        }
        for (int attempt = 0; ; attempt++)
        {
            var from = new DateOnly(rng.Next(Math.Max(2000, p.BirthDate.Year + 1), 2026), 1, 1).AddDays(rng.Next(330));
            int age = from.Year - p.BirthDate.Year;
            DateOnly? to = age < 16 ? from.AddYears(5) : age <= 25 ? from.AddYears(10) : age <= 45 ? from.AddYears(20) : null;
            var facts = new CardBackFacts(authority, from, to);
            if (longTerm == false && to is null && attempt < 200) continue;
            if (expired is null || facts.Expired == expired || attempt > 200) return facts;
            if (expired == true && attempt > 50)
            {
                // an old card: pick a short term that ran out a few years ago
                var old = new DateOnly(rng.Next(2004, 2016), rng.Next(1, 13), rng.Next(1, 29));
                return new CardBackFacts(authority, old, old.AddYears(rng.Next(2) == 0 ? 5 : 10));
            }
        }
    }
}
