using Microsoft.ML.OnnxRuntime.Tensors;
using OpenCvSharp;

namespace FormArchive.Ingest.Ocr.Paddle;

/// <summary>Batches of text strips as the classifier and recogniser take them: resized to a fixed height, (x/255 − 0.5)/0.5, zero-padded on the
/// right.</summary>
internal static class StripTensor
{
    public static DenseTensor<float> Build(IReadOnlyList<Mat> strips, int height, int width, Func<Mat, int> stripWidth)
    {
        var t = new DenseTensor<float>([strips.Count, 3, height, width]);
        var span = t.Buffer.Span;
        int plane = height * width;
        for (int i = 0; i < strips.Count; i++)
        {
            int sw = Math.Min(width, Math.Max(1, stripWidth(strips[i])));
            using var resized = new Mat();
            Cv2.Resize(strips[i], resized, new Size(sw, height));
            int baseIndex = i * 3 * plane;
            unsafe
            {
                for (int y = 0; y < height; y++)
                {
                    byte* row = (byte*)resized.Ptr(y);
                    for (int x = 0; x < sw; x++)
                        for (int c = 0; c < 3; c++)
                            span[baseIndex + c * plane + y * width + x] = row[x * 3 + c] / 127.5f - 1f;
                }
            }
        }
        return t;
    }
}
