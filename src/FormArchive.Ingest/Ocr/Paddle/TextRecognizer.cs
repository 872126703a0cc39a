using System.Text;
using Microsoft.ML.OnnxRuntime;
using OpenCvSharp;

namespace FormArchive.Ingest.Ocr.Paddle;

/// <summary>One strip's text and the mean probability of its characters.</summary>
public readonly record struct StripText(string Text, float Confidence);

/// <summary>
/// PP-OCRv4 SVTR recognition with CTC decoding. Input height 48, width ⌈48·w/h⌉ zero-padded on the right to at
/// least 96: PaddleOCR pads every strip to 320, but short strips padded less read as well and cost less (recognition
/// time grows with width). One strip per run: padding a batch to its widest strip costs more than batching saves.
/// Figures in docs/measurements.md.
/// The output (already softmaxed) is read greedily: argmax per step, repeats collapsed, blanks (class 0) dropped;
/// class i is line i−1 of the keys file and the last class is a space.
/// </summary>
public sealed class TextRecognizer
{
    private const int Height = 48, MinWidth = 96;
    private readonly InferenceSession _session;
    private readonly string[] _characters;

    public TextRecognizer(InferenceSession session, string keysPath)
    {
        _session = session;
        // The keys file's last line has no newline; no line is trimmed (some keys are punctuation or a space).
        var keys = File.ReadAllText(keysPath, Encoding.UTF8).Split('\n');
        _characters = ["", .. keys, " "];
    }

    public int ClassCount => _characters.Length;

    /// <summary>Recognises strips in batches of similar width (sorted by aspect ratio to keep padding small).</summary>
    public StripText[] Recognize(IReadOnlyList<Mat> strips, int batchSize = 1)
    {
        var result = new StripText[strips.Count];
        var order = Enumerable.Range(0, strips.Count).OrderBy(i => (double)strips[i].Cols / strips[i].Rows).ToArray();
        for (int start = 0; start < order.Length; start += batchSize)
        {
            var idx = order.Skip(start).Take(batchSize).ToArray();
            var batch = idx.Select(i => strips[i]).ToList();
            int width = batch.Max(s => Math.Max(MinWidth, StripWidth(s)));
            var input = StripTensor.Build(batch, Height, width, StripWidth);
            using var output = _session.Run([NamedOnnxValue.CreateFromTensor(_session.InputMetadata.Keys.First(), input)]);
            var probs = output[0].AsTensor<float>();
            int steps = probs.Dimensions[1], classes = probs.Dimensions[2];
            var all = (probs as Microsoft.ML.OnnxRuntime.Tensors.DenseTensor<float> ?? probs.ToDenseTensor()).Buffer.Span;
            for (int b = 0; b < idx.Length; b++)
                result[idx[b]] = Decode(all.Slice(b * steps * classes, steps * classes), steps, classes);
        }
        return result;
    }

    private static int StripWidth(Mat s) => Math.Max(1, (int)Math.Ceiling(Height * (double)s.Cols / s.Rows));

    private StripText Decode(ReadOnlySpan<float> probs, int steps, int classes)
    {
        var sb = new StringBuilder();
        double confSum = 0;
        int count = 0, previous = 0;
        for (int t = 0; t < steps; t++)
        {
            var step = probs.Slice(t * classes, classes);
            int best = System.Numerics.Tensors.TensorPrimitives.IndexOfMax(step);
            float bestP = step[best];
            if (best != 0 && best != previous && best < _characters.Length)
            {
                sb.Append(_characters[best]);
                confSum += bestP;
                count++;
            }
            previous = best;
        }
        return new StripText(sb.ToString(), count == 0 ? 0 : (float)(confSum / count));
    }
}
