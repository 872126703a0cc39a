using FormArchive.Ingest.Ocr.Paddle;
using ImageMagick;
using ImageMagick.Drawing;
using OpenCvSharp;

namespace FormArchive.Ingest.Tests;

/// <summary>PP-OCRv4 through ONNX Runtime on images drawn here with the Noto CJK fonts.</summary>
public sealed class PaddleOcrTests
{
    private static PaddleOcr Ocr => PaddleOcr.Shared ?? throw new InvalidOperationException(PaddleOcr.SharedProblem);

    private static Mat Draw(int width, int height, params (string Text, int X, int Y, int Size)[] texts)
    {
        using var img = new MagickImage(MagickColors.White, (uint)width, (uint)height);
        foreach (var (text, x, y, size) in texts)
            new Drawables().Font("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc").FontPointSize(size).FillColor(MagickColors.Black).Text(x, y, text).Draw(img);
        return Cv2.ImDecode(img.ToByteArray(MagickFormat.Png), ImreadModes.Color);
    }

    [Fact]
    public void ModelsAreFoundAndTheirFilesComplete()
    {
        var models = OcrModels.Locate(out var lookedAt);
        Assert.True(models is not null, OcrModels.MissingMessage(lookedAt));
        Assert.Empty(models.Missing());
        Assert.Equal(6625, Ocr.Recognizer.ClassCount);
    }

    [Fact]
    public void MissingModelsAreNamedWithTheWayToGetThem()
    {
        var empty = Directory.CreateTempSubdirectory();
        try
        {
            var e = Assert.Throws<FileNotFoundException>(() => new PaddleOcr(new OcrModels(empty.FullName)));
            Assert.Contains("ch_PP-OCRv4_det_infer.onnx", e.Message);
            Assert.Contains("fetch-ocr-models.sh", OcrModels.MissingMessage(empty.FullName));
        }
        finally { empty.Delete(true); }
    }

    [Fact]
    public void ReadsChineseAndDigitsLineByLine()
    {
        using var img = Draw(900, 260, ("公民身份号码", 40, 80, 36), ("11010519491231002X", 340, 84, 40), ("云阳县民政局", 40, 190, 36));
        var lines = Ocr.Read(img);
        var texts = lines.Select(l => l.Text.Replace(" ", "")).ToList();
        Assert.Contains("公民身份号码", texts);
        Assert.Contains("11010519491231002X", texts);
        Assert.Contains("云阳县民政局", texts);
        // Reading order: the label row before the unit row.
        Assert.True(texts.IndexOf("公民身份号码") < texts.IndexOf("云阳县民政局"));
    }

    [Fact]
    public void TheDirectionClassifierTurnsUpsideDownLines()
    {
        using var img = Draw(900, 160, ("低保边缘家庭认定", 40, 100, 48));
        Cv2.Rotate(img, img, RotateFlags.Rotate180);
        var line = Assert.Single(Ocr.Read(img));
        Assert.True(line.Flipped);
        Assert.Equal("低保边缘家庭认定", line.Text);
    }

    [Fact]
    public void ABlankPageHasNoLines()
    {
        using var img = Draw(640, 480);
        Assert.Empty(Ocr.Read(img));
    }
}
