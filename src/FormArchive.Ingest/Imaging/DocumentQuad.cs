using FormArchive.Ingest.Ocr.Paddle;
using OpenCvSharp;

namespace FormArchive.Ingest.Imaging;

/// <summary>A document found in a frame: its corners (top-left first, clockwise) and how sure the finder is (0–1).</summary>
public sealed record DocumentQuad(TextQuad Corners, double Confidence, string Method)
{
    /// <summary>Width and height of the flattened document: the longer of each pair of opposite edges.</summary>
    public Size FlatSize => new(Math.Max(1, (int)Math.Round(Corners.Width)), Math.Max(1, (int)Math.Round(Corners.Height)));
    public double Area => Math.Abs(Cv2.ContourArea(Corners.Points));
}
