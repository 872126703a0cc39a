using Microsoft.ML.OnnxRuntime;
using OpenCvSharp;

namespace FormArchive.Ingest.Ocr.Paddle;

/// <summary>
/// PP-OCR's text direction classifier (0° or 180°) for one strip. Essential on camera images: cards photographed
/// at 90/180/270° read in the first pass, without turning the whole image.
/// </summary>
public sealed class TextLineClassifier(InferenceSession session)
{
    private const int Height = 48, Width = 192;
    /// <summary>A strip is flipped only when the model is this sure it is upside down.</summary>
    public const float FlipThreshold = 0.9f;

    /// <summary>p(180°) of each strip.</summary>
    public float[] UpsideDownProbability(IReadOnlyList<Mat> strips, int batchSize = 8)
    {
        var result = new float[strips.Count];
        for (int start = 0; start < strips.Count; start += batchSize)
        {
            var batch = strips.Skip(start).Take(batchSize).ToList();
            var input = StripTensor.Build(batch, Height, Width, s => (int)Math.Ceiling(Height * (double)s.Cols / s.Rows));
            using var output = session.Run([NamedOnnxValue.CreateFromTensor(session.InputMetadata.Keys.First(), input)]);
            var probs = output[0].AsTensor<float>();
            for (int i = 0; i < batch.Count; i++) result[start + i] = probs[i, 1];
        }
        return result;
    }
}
