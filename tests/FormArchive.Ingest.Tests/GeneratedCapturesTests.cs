using FormArchive.Ingest;
using FormArchive.ScanGen;

namespace FormArchive.Ingest.Tests;

/// <summary>
/// Captures drawn at test time by tools/FormArchive.ScanGen from pinned seeds (the committed corpus is at its size
/// limit), read by the real pipeline: both sides of one ID card photographed together on a desk.
/// </summary>
public sealed class GeneratedCapturesTests
{
    private static readonly ScanPipeline Pipeline = new();

    /// <summary>Images of the set `/tmp/fresh/both 60 306 --kinds camera-id-both` read wrong by stop 18's reader (6: side by side, the back turned half a turn).</summary>
    public static TheoryData<int> BothSides => new([6, 20, 42, 45]);

    [Theory, MemberData(nameof(BothSides))]
    public void BothSidesOfACardOnOneDeskGiveTheNumberAndTheBacksValidity(int index)
    {
        var (jpeg, truth) = CaptureKinds.Make(new Random(ScanCorpus.ImageSeed(306, index)), SyntheticKind.CameraIdBoth);
        var page = Assert.Single(Pipeline.Process($"both-{index}.jpg", jpeg, new IngestOptions { ScanDate = new DateOnly(2026, 11, 27) }).Pages);
        var valid = page.IdNumbers.Where(i => i.IsValid).Select(i => i.Number).ToList();
        Assert.Equal(truth.Numbers, valid);
        Assert.NotNull(page.CardBack);
        Assert.Equal(truth.ValidTo, page.CardBack!.ValidUntil);
        Assert.Equal(truth.Expired, page.CardBack.Expired);
        Assert.Equal(truth.Person!.Name, page.Person?.Name);
    }
}
