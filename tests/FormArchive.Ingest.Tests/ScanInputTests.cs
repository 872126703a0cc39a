using FormArchive.Ingest.Imaging;
using FormArchive.Testing;
using ImageMagick;

namespace FormArchive.Ingest.Tests;

public sealed class ScanInputTests
{
    private static byte[] CorpusJpeg() => File.ReadAllBytes(Path.Combine(CorpusFixture.Dir, "scan-0000.jpg"));

    private static string Rejection(byte[] bytes, ScanLimits? limits = null)
    {
        var result = new ScanPipeline().Process("x", bytes, new IngestOptions { Limits = limits ?? new ScanLimits() });
        Assert.True(result.IsRejected);
        Assert.Empty(result.Pages);
        return result.Rejected!;
    }

    [Fact]
    public void TypeIsSniffedFromTheBytesNotTheName()
    {
        Assert.Equal(ScanFileType.Jpeg, ScanInput.Sniff(CorpusJpeg()));
        Assert.Contains("GIF", Rejection("GIF89a\x01\x00\x01\x00"u8.ToArray()));
        Assert.Contains("不是 JPEG、PNG、TIFF 或 PDF", Rejection("just some text pretending to be scan.jpg"u8.ToArray()));
        Assert.Contains("文件为空", Rejection([]));
    }

    [Theory]
    [InlineData(Orientation.RightTop, -90)]
    [InlineData(Orientation.BottomRight, 180)]
    [InlineData(Orientation.LeftBottom, 90)]
    public void AJpegFrameIsDecodedAsImageMagickShowsIt_EXIFOrientationApplied(Orientation orientation, double storedTurn)
    {
        // A camera stores the pixels as the sensor saw them and the turn in EXIF: the frame must come out as shown.
        var original = CorpusJpeg();
        using var shown = new MagickImage(original);
        using var stored = new MagickImage(original);
        stored.Rotate(storedTurn);
        var exif = new ExifProfile();
        exif.SetValue(ExifTag.Orientation, (ushort)orientation);
        stored.SetProfile(exif);
        stored.Orientation = orientation;
        var bytes = stored.ToByteArray(MagickFormat.Jpeg);

        using var frame = ScanInput.DecodeJpegFrame(bytes);
        Assert.NotNull(frame);
        Assert.Equal(((int)shown.Width, (int)shown.Height), (frame.Cols, frame.Rows));
        using var expected = FrameImage.ToBgr(new MagickImage(bytes));
        using var diff = new OpenCvSharp.Mat();
        OpenCvSharp.Cv2.Absdiff(frame, expected, diff);
        Assert.True(OpenCvSharp.Cv2.Mean(diff).Val0 < 2, $"mean difference {OpenCvSharp.Cv2.Mean(diff).Val0:0.00} from ImageMagick's decode");
    }

    [Fact]
    public void AJpegFrameIsScreenedBeforeOpenCvDecodesIt()
    {
        Assert.Throws<ScanRejectedException>(() => ScanInput.DecodeJpegFrame(CorpusJpeg(), new ScanLimits { MaxPixelsPerPage = 1000 }));
        Assert.Throws<ScanRejectedException>(() => ScanInput.DecodeJpegFrame(CorpusJpeg()[..4000]));
        Assert.Null(ScanInput.DecodeJpegFrame("GIF89a\x01\x00\x01\x00"u8.ToArray()));
    }

    [Fact]
    public void TruncatedJpegIsRejected()
    {
        var jpeg = CorpusJpeg();
        Assert.Contains("JPEG 文件不完整", Rejection(jpeg[..(jpeg.Length / 2)]));
    }

    [Fact]
    public void TooManyBytesIsRejectedBeforeDecoding() =>
        Assert.Contains("文件过大", Rejection(CorpusJpeg(), new ScanLimits { MaxBytes = 1000 }));

    [Fact]
    public void TooManyPixelsIsRejected() =>
        Assert.Contains("百万像素", Rejection(CorpusJpeg(), new ScanLimits { MaxPixelsPerPage = 1_000_000 }));

    [Fact]
    public void DecompressionBombIsRejectedFromItsHeader()
    {
        // A 60 KB PNG that would decode to 30000 × 30000 pixels.
        var bomb = DecompressionBomb.Png(30000, 30000, rows: 2000); // enough rows to look real
        Assert.True(bomb.Length < 200_000);
        var reason = Rejection(bomb);
        Assert.Contains("900 百万像素", reason);
    }

    [Fact]
    public void TooManyPagesIsRejectedAndMultiPageTiffIsRead()
    {
        using var pages = new MagickImageCollection();
        for (int i = 0; i < 3; i++) pages.Add(new MagickImage(MagickColors.White, 50, 50));
        var tiff = pages.ToByteArray(MagickFormat.Tiff);
        Assert.Contains("页数过多：3 页", Rejection(tiff, new ScanLimits { MaxPages = 2 }));
        var (type, decoded) = ScanInput.Decode(tiff);
        Assert.Equal(ScanFileType.Tiff, type);
        Assert.Equal(3, decoded.Count);
        foreach (var p in decoded) p.Dispose();
    }
}

/// <summary>Degenerate but decodable images: read or refused, never an exception out of the pipeline.</summary>
public sealed class DegenerateImageTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(3, 2000)]
    [InlineData(4000, 2)]
    [InlineData(31, 31)]
    public void ATinyOrThinImageIsReadOrRefusedCleanly(int width, int height)
    {
        using var img = new ImageMagick.MagickImage(ImageMagick.MagickColors.White, (uint)width, (uint)height);
        var result = new ScanPipeline().Process("thin.png", img.ToByteArray(ImageMagick.MagickFormat.Png));
        if (result.IsRejected) Assert.False(string.IsNullOrWhiteSpace(result.Rejected));
        else Assert.All(result.Pages, p => Assert.Empty(p.IdNumbers));
    }

    [Fact]
    public void AnImageOfNoiseHasNoIdNumbers()
    {
        var rng = new Random(7);
        var pixels = new byte[1200 * 900 * 3];
        rng.NextBytes(pixels);
        using var img = new ImageMagick.MagickImage(pixels, new ImageMagick.MagickReadSettings { Format = ImageMagick.MagickFormat.Rgb, Width = 1200, Height = 900, Depth = 8 });
        var result = new ScanPipeline().Process("noise.png", img.ToByteArray(ImageMagick.MagickFormat.Png));
        Assert.False(result.IsRejected, result.Rejected);
        Assert.DoesNotContain(result.Pages.SelectMany(p => p.IdNumbers), i => i.IsValid);
    }
}
