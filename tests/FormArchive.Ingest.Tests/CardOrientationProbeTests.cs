using FormArchive.Ingest.Imaging;
using FormArchive.Ingest.Ocr;
using FormArchive.Ingest.Recognition;
using ImageMagick;

namespace FormArchive.Ingest.Tests;

/// <summary>
/// The 0°/180° decision for card-shaped pages (CardOrientationProbe) on real corpus scans, as given and turned
/// 180° with Magick: the probe must say which way up the card is before the full-page OCR.
/// </summary>
public sealed class CardOrientationProbeTests
{
    public static TheoryData<string> IdFronts => CorpusFixture.Files("id-front");

    private static CorpusTruth Truth(string file) => CorpusFixture.Load().Single(t => t.File == file);

    /// <summary>The corpus scan, turned 180° when asked, as PNG bytes (lossless: the test adds no JPEG damage).</summary>
    private static byte[] Scan(string file, bool turn180, double enlarge = 1)
    {
        using var img = new MagickImage(Path.Combine(CorpusFixture.Dir, file));
        if (turn180) img.Rotate(180);
        if (enlarge != 1) img.Resize(new Percentage(enlarge * 100));
        img.ResetPage();
        return img.ToByteArray(MagickFormat.Png);
    }

    private static NormalizedPage Normalize(byte[] bytes)
    {
        var (_, pages) = ScanInput.Decode(bytes);
        try { return new ScanNormalizer(TesseractPool.Shared).Normalize(pages[0]); }
        finally { foreach (var p in pages) p.Dispose(); }
    }

    [Theory, MemberData(nameof(IdFronts))]
    public void IdCardFrontIsFoundUprightOrUpsideDown(string file)
    {
        var truth = Truth(file);
        var probe = new CardOrientationProbe(TesseractPool.Shared);
        foreach (bool turn in new[] { false, true })
        {
            using var page = Normalize(Scan(file, turn));
            int upright = (truth.UprightRotation + (turn ? 180 : 0)) % 360;
            var expected = page.Orientation == upright ? CardOrientationProbe.Verdict.Upright : CardOrientationProbe.Verdict.UpsideDown;
            Assert.Equal(expected, probe.Decide(page.Gray));
        }
    }

    [Theory, MemberData(nameof(IdFronts))]
    public void UpsideDownCardNeedsNoSecondFullPageOcr(string file)
    {
        var truth = Truth(file);
        var page = new ScanPipeline().Process(file, Scan(file, turn180: true)).Pages[0];
        Assert.Equal((truth.UprightRotation + 180) % 360, page.Orientation);
        Assert.Equal(truth.Number, Assert.Single(page.IdNumbers, i => i.IsValid).Number);
        Assert.False(page.StageMs.ContainsKey("retry180"), "the card was read the wrong way up first");
    }

    [Fact]
    public void HighResolutionCardIsReadReduced()
    {
        var file = CorpusFixture.Load().First(t => t.Kind == "id-front" && t.UprightRotation == 0).File;
        using var page = Normalize(Scan(file, turn180: true, enlarge: 2.2));
        Assert.True(page.Gray.Width > 2000);
        Assert.Equal(CardOrientationProbe.Verdict.UpsideDown, new CardOrientationProbe(TesseractPool.Shared).Decide(page.Gray));
    }

    [Fact]
    public void IdCardBackHasNoAnswer()
    {
        var file = CorpusFixture.Load().First(t => t.Kind == "id-back").File;
        var probe = new CardOrientationProbe(TesseractPool.Shared);
        foreach (bool turn in new[] { false, true })
        {
            using var page = Normalize(Scan(file, turn));
            Assert.Equal(CardOrientationProbe.Verdict.Unknown, probe.Decide(page.Gray));
        }
    }

    [Theory]
    [InlineData(1011, 638, true)]
    [InlineData(638, 1011, false)]
    [InlineData(2480, 3508, false)]
    [InlineData(1400, 1000, false)]
    public void OnlyLandscapeCardShapesAreProbed(int width, int height, bool card) =>
        Assert.Equal(card, CardShape.IsLandscape(width, height));
}
