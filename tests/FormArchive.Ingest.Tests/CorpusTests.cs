using System.Text.Json;
using FormArchive.Ingest.Recognition;

namespace FormArchive.Ingest.Tests;

/// <summary>Ground truth of the fixed corpus (written by tools/FormArchive.ScanGen).</summary>
public sealed record CorpusTruth(string File, string Kind, string? Number, string? Name, double SkewDegrees, int QuarterTurn, int UprightRotation, int Dpi);

/// <summary>Shares one pipeline run per corpus image between the tests (real OCR is the slow part).</summary>
public sealed class CorpusFixture
{
    public static readonly string Dir = Path.Combine(AppContext.BaseDirectory, "Corpus");
    private readonly Dictionary<string, Lazy<ScanResult>> _results;

    public CorpusFixture()
    {
        Truths = Load();
        var pipeline = new ScanPipeline();
        _results = Truths.ToDictionary(t => t.File, t => new Lazy<ScanResult>(() => pipeline.Process(t.File, File.ReadAllBytes(Path.Combine(Dir, t.File)))));
    }

    public IReadOnlyList<CorpusTruth> Truths { get; }

    public ScanResult Result(string file) => _results[file].Value;

    public static List<CorpusTruth> Load() =>
        JsonSerializer.Deserialize<List<CorpusTruth>>(File.ReadAllText(Path.Combine(Dir, "truth.json")), new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!;

    public static TheoryData<string> Files(params string[] kinds)
    {
        var data = new TheoryData<string>();
        foreach (var t in Load().Where(t => kinds.Length == 0 || kinds.Contains(t.Kind))) data.Add(t.File);
        return data;
    }
}

[CollectionDefinition("corpus")]
public sealed class CorpusCollection : ICollectionFixture<CorpusFixture>;

[Collection("corpus")]
public sealed class CorpusTests(CorpusFixture corpus)
{
    public static TheoryData<string> AllFiles => CorpusFixture.Files();
    public static TheoryData<string> NumberedFiles => CorpusFixture.Files("id-front", "hukou-member");

    private CorpusTruth Truth(string file) => corpus.Truths.Single(t => t.File == file);

    [Theory, MemberData(nameof(NumberedFiles))]
    public void IdNumberIsReadExactlyAndValidated(string file)
    {
        var page = Assert.Single(corpus.Result(file).Pages);
        var valid = page.IdNumbers.Where(i => i.IsValid).ToList();
        var read = Assert.Single(valid);
        Assert.Equal(Truth(file).Number, read.Number);
        Assert.True(read.AgreeingReads >= 2);
    }

    [Theory, MemberData(nameof(AllFiles))]
    public void NoInvalidNumberIsEverReportedAsValid(string file)
    {
        foreach (var id in corpus.Result(file).Pages.SelectMany(p => p.IdNumbers).Where(i => i.IsValid))
        {
            Assert.True(FormArchive.Domain.ChineseIdNumber.IsValid(id.Number));
            Assert.Equal(Truth(file).Number, id.Number);
        }
    }

    [Theory, MemberData(nameof(AllFiles))]
    public void OrientationIsRight(string file)
    {
        Assert.Equal(Truth(file).UprightRotation, corpus.Result(file).Pages[0].Orientation);
    }

    [Theory, MemberData(nameof(AllFiles))]
    public void DeskewAngleIsWithinTolerance(string file)
    {
        var t = Truth(file);
        double tolerance = t.Kind == "bank-card" ? 1.5 : 0.3; // dark cards on a dark desk measure less precisely
        Assert.InRange(corpus.Result(file).Pages[0].DeskewDegrees, t.SkewDegrees - tolerance, t.SkewDegrees + tolerance);
    }

    [Theory, MemberData(nameof(AllFiles))]
    public void PageIsClassified(string file)
    {
        var expected = Truth(file).Kind switch
        {
            "id-front" => DocumentType.IdCardFront,
            "id-back" => DocumentType.IdCardBack,
            "hukou-member" => DocumentType.HukouMember,
            "hukou-home" => DocumentType.HukouHome,
            _ => DocumentType.BankAccount,
        };
        Assert.Equal(expected, corpus.Result(file).Pages[0].ClassifiedAs);
    }

    [Fact]
    public void ClerkHintWinsAndDisagreementIsAWarning()
    {
        var file = corpus.Truths.First(t => t.Kind == "id-front");
        var result = new ScanPipeline().Process(file.File, File.ReadAllBytes(Path.Combine(CorpusFixture.Dir, file.File)),
            new IngestOptions { Hint = DocumentType.IdCardBack, Members = [new HouseholdMember("测试甲", file.Number!)] });
        var page = result.Pages[0];
        Assert.Equal(DocumentType.IdCardBack, page.Type);
        Assert.Equal(DocumentType.IdCardFront, page.ClassifiedAs);
        Assert.Contains(page.Warnings, w => w.Contains("经办人标注为居民身份证（反面）") && w.Contains("像居民身份证（正面）"));
        Assert.Equal("测试甲", page.IdNumbers.Single(i => i.IsValid).MatchedMember);
        // Warnings never carry a full ID number.
        Assert.DoesNotContain(page.Warnings, w => w.Contains(file.Number!));
    }
}
