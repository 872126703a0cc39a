using FormArchive.Ingest.Ocr.Paddle;
using OpenCvSharp;

namespace FormArchive.Ingest.Imaging;

/// <summary>A document found in a frame: its corners (top-left first, clockwise) and how sure the finder is (0–1).</summary>
public sealed record DocumentQuad(TextQuad Corners, double Confidence, string Method)
{
    /// <summary>Width and height of the flattened document: the longer of each pair of opposite edges.</summary>
    public Size FlatSize => new(Math.Max(1, (int)Math.Round(Corners.Width)), Math.Max(1, (int)Math.Round(Corners.Height)));
    public double Area => Math.Abs(Cv2.ContourArea(Corners.Points));

    /// <summary>
    /// Shaped like an ID-1 card (85.6 × 54 mm, 1.585 : 1: resident ID cards, bank cards), with room for a camera's tilt
    /// and a quad found a little inside the edge; a 户口簿 page (about 1.36 : 1, up to 1.46 when tilted) is not.
    /// </summary>
    public bool IsCardShaped
    {
        get
        {
            var s = FlatSize;
            double aspect = Math.Max(s.Width, s.Height) / (double)Math.Min(s.Width, s.Height);
            return aspect is >= 1.47 and <= 1.8;
        }
    }
}
