using System.Text.Json;
using FormArchive.Casework.Checklist;
using FormArchive.Domain;
using FormArchive.Ingest.Recognition;

namespace FormArchive.Ingest.Tests;

/// <summary>Ground truth of the captures corpus (camera photos, photocopies, 户口簿 cards, negatives; tools/FormArchive.ScanGen).</summary>
public sealed record CaptureTruth(string File, string Kind, List<string>? Numbers, string? PrintedNumber, string? BankNumber, bool? Expired,
    string? ValidTo, string? IssuingAuthority, CapturePerson? Person, string? Variant);

public sealed record CapturePerson(string Name, string Sex, string Ethnicity, string BirthDate, string Address, string? Relationship);

/// <summary>Runs the real pipeline (PP-OCR + Tesseract) once per capture and shares the results between tests.</summary>
public sealed class CapturesFixture
{
    public static readonly string Dir = Path.Combine(AppContext.BaseDirectory, "Captures");
    public static readonly DateOnly ScanDate = new(2026, 11, 27);
    private readonly Dictionary<string, Lazy<ScanResult>> _results;

    public CapturesFixture()
    {
        var pipeline = new ScanPipeline();
        _results = Load().ToDictionary(t => t.File, t => new Lazy<ScanResult>(() =>
            pipeline.Process(t.File, File.ReadAllBytes(Path.Combine(Dir, t.File)), new IngestOptions { ScanDate = ScanDate })));
    }

    public ScanResult Result(string file) => _results[file].Value;

    public static List<CaptureTruth> Load() =>
        JsonSerializer.Deserialize<List<CaptureTruth>>(File.ReadAllText(Path.Combine(Dir, "truth.json")), new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!;

    public static TheoryData<string> Files(params string[] kinds)
    {
        var data = new TheoryData<string>();
        foreach (var t in Load().Where(t => kinds.Length == 0 || kinds.Contains(t.Kind))) data.Add(t.File);
        return data;
    }
}

[CollectionDefinition("captures")]
public sealed class CapturesCollection : ICollectionFixture<CapturesFixture>;

[Collection("captures")]
public sealed class CapturesTests(CapturesFixture captures)
{
    public static TheoryData<string> All => CapturesFixture.Files();
    public static TheoryData<string> WithNumbers => CapturesFixture.Files("camera-id-front", "photocopy", "camera-hukou-member", "hospital-page");
    public static TheoryData<string> Backs => CapturesFixture.Files("camera-id-back");

    private static CaptureTruth Truth(string file) => CapturesFixture.Load().Single(t => t.File == file);
    private PageResult Page(string file) => Assert.Single(captures.Result(file).Pages);

    [Theory, MemberData(nameof(WithNumbers))]
    public void EveryPrintedIdNumberIsReadExactlyAndConfirmed(string file)
    {
        var expected = Truth(file).Numbers ?? [];
        var valid = Page(file).IdNumbers.Where(i => i.IsValid).ToList();
        Assert.Equal(expected.Order(), valid.Select(v => v.Number).Order());
        Assert.All(valid, v => Assert.True(v.AgreeingReads >= 2));
    }

    [Theory, MemberData(nameof(All))]
    public void NothingButThePrintedIdNumbersIsEverReportedValid(string file)
    {
        var expected = Truth(file).Numbers ?? [];
        foreach (var id in Page(file).IdNumbers.Where(i => i.IsValid))
        {
            Assert.True(ChineseIdNumber.IsValid(id.Number));
            Assert.Contains(id.Number, expected);
        }
    }

    [Fact]
    public void ACardWhosePrintedNumberFailsTheChecksumIsReportedInvalidWithoutRetrying()
    {
        var t = CapturesFixture.Load().Single(t => t.Kind == "bad-checksum-id");
        var page = Page(t.File);
        var id = Assert.Single(page.IdNumbers);
        Assert.False(id.IsValid);
        Assert.Equal(t.PrintedNumber, id.Number);
        Assert.False(ChineseIdNumber.IsValid(t.PrintedNumber!));
        Assert.DoesNotContain(page.StageMs.Keys, k => k.StartsWith("retry.", StringComparison.Ordinal));
        Assert.Contains(page.Warnings, w => w.Contains("本页未能识别并校验身份证号"));
    }

    [Fact]
    public void AHospitalPagesOtherNumbersAreNeverIdNumbers()
    {
        var decoy = CapturesFixture.Load().Single(t => t.Kind == "hospital-page" && (t.Numbers ?? []).Count == 0);
        var page = Page(decoy.File);
        Assert.DoesNotContain(page.IdNumbers, i => i.IsValid);
        Assert.Equal(DocumentType.HardshipEvidence, page.Type);
    }

    [Fact]
    public void ANumberOnOtherEvidenceIsReadAndMatchedToItsMember()
    {
        var t = CapturesFixture.Load().Single(t => t.Kind == "hospital-page" && (t.Numbers ?? []).Count == 1);
        var result = new ScanPipeline().Process(t.File, File.ReadAllBytes(Path.Combine(CapturesFixture.Dir, t.File)),
            new IngestOptions { Members = [new HouseholdMember("病人甲", t.Numbers![0]), new HouseholdMember("家属乙", "11010519491231002X")] });
        var id = Assert.Single(result.Pages[0].IdNumbers, i => i.IsValid);
        Assert.Equal("病人甲", id.MatchedMember);
        Assert.Equal(DocumentType.HardshipEvidence, result.Pages[0].Type);
    }

    [Fact]
    public void TwoMembersOnOnePhotocopyAreBothReadAndMatched()
    {
        foreach (var t in CapturesFixture.Load().Where(t => t.Kind == "photocopy" && (t.Numbers ?? []).Count == 2))
            AssertBothMatched(t);
    }

    private static void AssertBothMatched(CaptureTruth t)
    {
        var members = t.Numbers!.Select((n, i) => new HouseholdMember($"成员{i + 1}", n)).ToList();
        var result = new ScanPipeline().Process(t.File, File.ReadAllBytes(Path.Combine(CapturesFixture.Dir, t.File)), new IngestOptions { Members = members });
        var matched = result.Pages[0].IdNumbers.Where(i => i.IsValid).Select(i => i.MatchedMember).Order().ToList();
        Assert.True(matched.SequenceEqual(["成员1", "成员2"]), $"{t.File}: matched [{string.Join(",", matched)}]");
    }

    [Theory, MemberData(nameof(Backs))]
    public void ACardBackGivesItsAuthorityValidityAndWhetherItHadExpired(string file)
    {
        var t = Truth(file);
        var page = Page(file);
        Assert.Equal(DocumentType.IdCardBack, page.Type);
        var back = Assert.IsType<CardBackResult>(page.CardBack);
        Assert.Equal(t.IssuingAuthority, back.IssuingAuthority);
        Assert.Equal(t.ValidTo, back.ValidUntil);
        Assert.Equal(t.Expired == true, back.Expired);
        Assert.Equal(t.Expired == true, page.Warnings.Any(w => w.Contains("居民身份证已过期")));
    }

    [Fact]
    public void AnExpiredCardIsAnItemOfTheChecklist()
    {
        var expired = CapturesFixture.Load().Single(t => t.Kind == "camera-id-back" && t.Expired == true);
        var items = CaseChecklist.Evaluate([], [Page(expired.File)], CapturesFixture.ScanDate);
        var item = Assert.Single(items, i => i.Code == "id-expired");
        Assert.False(item.Present);
        Assert.Contains(expired.ValidTo!, item.Material);
    }

    public static TheoryData<string> BankCards => CapturesFixture.Files("camera-bank-card");

    [Theory, MemberData(nameof(BankCards))]
    public void ABankCardNumberIsReadByLuhnAndMatchedToTheHouseholdsAccount(string file)
    {
        var t = Truth(file);
        Assert.Contains(t.BankNumber, Page(t.File).BankCardNumbers);
        Assert.DoesNotContain(Page(t.File).IdNumbers, i => i.IsValid);
        var grouped = string.Join(' ', t.BankNumber!.Chunk(4).Select(c => new string(c)));
        var matched = new ScanPipeline().Process(t.File, File.ReadAllBytes(Path.Combine(CapturesFixture.Dir, t.File)),
            new IngestOptions { BankAccounts = [grouped] }).Pages[0];
        Assert.Equal(t.BankNumber, matched.MatchedBankAccount);
        var other = new ScanPipeline().Process(t.File, File.ReadAllBytes(Path.Combine(CapturesFixture.Dir, t.File)),
            new IngestOptions { BankAccounts = ["6222020000000000000"] }).Pages[0];
        Assert.Null(other.MatchedBankAccount);
        Assert.Contains(other.Warnings, w => w.Contains("银行卡号与案件数据中的账号不一致"));
    }

    [Fact]
    public void CardFrontsOfferTheirPersonForPrefilling()
    {
        // Birth date and sex are printed and also coded in the number: always right. Names, ethnicity and address are
        // offered as read, marked as OCR until a clerk confirms them: most of them right.
        var fronts = CapturesFixture.Load().Where(t => t.Kind == "camera-id-front").ToList();
        int names = 0, ethnicities = 0, addresses = 0;
        foreach (var t in fronts)
        {
            var read = Assert.IsType<PersonFields>(Page(t.File).Person);
            Assert.Equal(t.Person!.BirthDate, read.BirthDate);
            Assert.Equal(t.Person.Sex, read.Sex);
            if (read.Name == t.Person.Name) names++;
            if (read.Ethnicity == t.Person.Ethnicity.TrimEnd('族')) ethnicities++;
            if (read.Address == t.Person.Address.Replace(" ", "")) addresses++;
        }
        Assert.True(names >= fronts.Count - 1, $"names {names}/{fronts.Count}");
        Assert.True(ethnicities >= fronts.Count - 1, $"ethnicities {ethnicities}/{fronts.Count}");
        Assert.True(addresses >= fronts.Count - 1, $"addresses {addresses}/{fronts.Count}");
    }

    public static TheoryData<string> HukouCards => CapturesFixture.Files("camera-hukou-member");

    [Theory, MemberData(nameof(HukouCards))]
    public void AHouseholdCardOffersItsMembersRelationshipAndEthnicity(string file)
    {
        // The relationship label is printed on two lines (户主或与 / 户主关系) and reads misspelt; 民族 may read as 民康.
        var t = Truth(file);
        var read = Assert.IsType<PersonFields>(Page(file).Person);
        Assert.Equal(t.Person!.Relationship, read.Relationship);
        Assert.Equal(t.Person.Ethnicity.TrimEnd('族'), read.Ethnicity);
        Assert.Equal(t.Person.BirthDate, read.BirthDate);
    }

    [Theory, MemberData(nameof(All))]
    public void TheNumbersBoxIsOnTheArchivalImage(string file)
    {
        var page = Page(file);
        foreach (var id in page.IdNumbers)
        {
            Assert.InRange(id.Box.X, 0, page.Width);
            Assert.InRange(id.Box.Y, 0, page.Height);
            Assert.InRange(id.Box.Right, 1, page.Width + 1);
            Assert.InRange(id.Box.Bottom, 1, page.Height + 1);
            // The box is a line of text: wide and low.
            Assert.True(id.Box.Width > 3 * id.Box.Height, $"{id.Box}");
        }
    }
}
