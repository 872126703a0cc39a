using FormArchive.Ingest.Imaging;
using FormArchive.Ingest.Ocr.Paddle;
using FormArchive.Ingest.Reading;
using OpenCvSharp;

namespace FormArchive.Ingest.Tests;

/// <summary>Which way a frame is read: a card or a block of print alone, a page found in it, or the frame whole (real PP-OCR).</summary>
public sealed class DocumentReaderTests
{
    private static PaddleOcr Ocr => PaddleOcr.Shared ?? throw new InvalidOperationException(PaddleOcr.SharedProblem);

    private static ReadDocument Read(string file)
    {
        using var frame = Cv2.ImRead(Path.Combine(CapturesFixture.Dir, file), ImreadModes.Color);
        return new DocumentReader(Ocr).Read(frame);
    }

    [Theory]
    [InlineData("scan-0001.jpg")]
    [InlineData("scan-0002.jpg")]
    public void ACardPhotoIsReadFromItsCardFlattenedAlone(string file)
    {
        using var doc = Read(file);
        // Found by its outline or its colour, not read as the frame or as a block of print.
        Assert.Contains(doc.Located, new[] { "edges", "colour" });
        // The flattened card, card-shaped, carries the number's line.
        double aspect = Math.Max(doc.Image.Cols, doc.Image.Rows) / (double)Math.Min(doc.Image.Cols, doc.Image.Rows);
        Assert.InRange(aspect, 1.4, 1.8);
        Assert.Contains(doc.Lines, l => l.Text.Count(char.IsAsciiDigit) >= 17);
    }

    [Theory]
    [InlineData("scan-0005.jpg")]
    [InlineData("scan-0006.jpg")]
    public void APhotocopyOfTwoCardsIsReadWhole(string file)
    {
        using var doc = Read(file);
        Assert.Equal("frame", doc.Located);
    }

    private static TextQuad Box(float x, float y, float w, float h) =>
        new(new Point2f(x, y), new Point2f(x + w, y), new Point2f(x + w, y + h), new Point2f(x, y + h));

    /// <summary>Six lines of a card's print at a glance, in a frame 1600 × 1200.</summary>
    private static List<TextQuad> CardLines() =>
        [Box(500, 400, 200, 40), Box(500, 460, 120, 40), Box(500, 520, 300, 40), Box(500, 580, 360, 40), Box(500, 640, 200, 40), Box(560, 740, 520, 40)];

    [Fact]
    public void ABlockOfPrintInAColourPhotoIsTheLinesGrownByALineAndAHalf()
    {
        using var photo = new Mat(1200, 1600, MatType.CV_8UC3, new Scalar(150, 170, 120));
        var block = TextBlock.Around(CardLines(), photo);
        Assert.NotNull(block);
        Assert.Equal("text", block!.Method);
        // Every line inside, with about 60 px (1.5 × the 40 px lines) to spare around the lines' extent 500–1080 × 400–780.
        var b = block.Corners.Bounds;
        Assert.InRange(b.X, 430, 450);
        Assert.InRange(b.Right, 1130, 1150);
        Assert.InRange(b.Y, 330, 350);
        Assert.InRange(b.Bottom, 830, 850);
    }

    [Fact]
    public void NoBlockOfPrintInAGreyScanFromAFewLinesOrFillingMostOfTheFrame()
    {
        using var photo = new Mat(1200, 1600, MatType.CV_8UC3, new Scalar(150, 170, 120));
        // A grey photocopy: the glance sees the note's large hand, not the cards' small print.
        using var grey = new Mat(1200, 1600, MatType.CV_8UC3, new Scalar(200, 200, 200));
        Assert.Null(TextBlock.Around(CardLines(), grey));
        Assert.False(PhotoColour.IsColour(grey));
        Assert.True(PhotoColour.IsColour(photo));
        // A note's line or two.
        Assert.Null(TextBlock.Around(CardLines().Take(4).ToList(), photo));
        // Print over most of the frame: reading it as a block gains nothing.
        var spread = CardLines().Append(Box(20, 20, 300, 40)).Append(Box(1300, 1120, 280, 40)).ToList();
        Assert.Null(TextBlock.Around(spread, photo));
    }

    [Fact]
    public void AnIdOneCardIsCardShapedAndARegisterPageIsNot()
    {
        DocumentQuad Quad(float w, float h) => new(Box(100, 100, w, h), 1, "edges");
        Assert.True(Quad(856, 540).IsCardShaped);
        Assert.True(Quad(540, 856).IsCardShaped);
        // 户口簿 常住人口登记卡, about 143 × 105 mm.
        Assert.False(Quad(1430, 1050).IsCardShaped);
        Assert.False(Quad(1000, 1000).IsCardShaped);
    }
}
