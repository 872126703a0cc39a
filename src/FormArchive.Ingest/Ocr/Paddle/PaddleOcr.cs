using Microsoft.ML.OnnxRuntime;
using OpenCvSharp;

namespace FormArchive.Ingest.Ocr.Paddle;

/// <summary>
/// PP-OCRv4 through ONNX Runtime: DB detection → strips → direction classifier → SVTR recognition.
/// One instance serves every thread (ONNX Runtime sessions may run concurrently); each run uses one thread.
/// </summary>
public sealed class PaddleOcr : IDisposable
{
    private readonly InferenceSession _det, _cls, _rec;

    public PaddleOcr(OcrModels models)
    {
        var missing = models.Missing();
        if (missing.Count > 0) throw new FileNotFoundException($"PP-OCR model files missing in {models.Directory}: {string.Join(", ", missing)}");
        _det = OnnxSessions.Open(models.Detection);
        _cls = OnnxSessions.Open(models.Classifier);
        _rec = OnnxSessions.Open(models.Recognition);
        Detector = new TextDetector(_det);
        Classifier = new TextLineClassifier(_cls);
        Recognizer = new TextRecognizer(_rec, models.Keys);
    }

    public TextDetector Detector { get; }
    public TextLineClassifier Classifier { get; }
    public TextRecognizer Recognizer { get; }

    private static readonly Lazy<(PaddleOcr? Ocr, string? Problem)> SharedInstance = new(() =>
    {
        var models = OcrModels.Locate(out var lookedAt);
        if (models is null) return (null, OcrModels.MissingMessage(lookedAt));
        try { return (new PaddleOcr(models), null); }
        catch (Exception e) when (e is OnnxRuntimeException or FileNotFoundException or DllNotFoundException)
        { return (null, $"PP-OCR models could not be loaded: {e.Message}"); }
    });

    /// <summary>The process-wide engine, or null when the models are missing (see <see cref="SharedProblem"/>).</summary>
    public static PaddleOcr? Shared => SharedInstance.Value.Ocr;
    public static string? SharedProblem => SharedInstance.Value.Problem;

    /// <summary>Detects and reads every text line of <paramref name="bgr"/>.</summary>
    public List<RecognizedLine> Read(Mat bgr, DetectionSettings? settings = null, Func<TextQuad, bool>? recognise = null)
    {
        var quads = Detector.Detect(bgr, settings);
        if (recognise is not null) quads = quads.Where(recognise).ToList();
        return ReadQuads(bgr, quads);
    }

    /// <summary>Reads the given quads of <paramref name="bgr"/> (classifier, then recogniser).</summary>
    public List<RecognizedLine> ReadQuads(Mat bgr, IReadOnlyList<TextQuad> quads)
    {
        var strips = quads.Select(q => TextLineCrop.Cut(bgr, q)).ToList();
        try
        {
            var (texts, flipped) = ReadStrips(strips, Classifier.UpsideDownProbability(strips));
            return quads.Select((q, i) => new RecognizedLine(q, texts[i].Text, texts[i].Confidence) { Flipped = flipped[i] }).ToList();
        }
        finally
        {
            foreach (var s in strips) s.Dispose();
        }
    }

    /// <summary>Turns the strips the classifier is sure are upside down (in place) and reads them all.</summary>
    public (StripText[] Texts, bool[] Flipped) ReadStrips(IReadOnlyList<Mat> strips, IReadOnlyList<float> upsideDown)
    {
        var flipped = new bool[strips.Count];
        for (int i = 0; i < strips.Count; i++)
            if (upsideDown[i] > TextLineClassifier.FlipThreshold)
            {
                Cv2.Rotate(strips[i], strips[i], RotateFlags.Rotate180);
                flipped[i] = true;
            }
        return (Recognizer.Recognize(strips), flipped);
    }

    public void Dispose()
    {
        _det.Dispose();
        _cls.Dispose();
        _rec.Dispose();
    }
}
