using FormArchive.Ingest.Imaging;
using FormArchive.Ingest.Ocr.Paddle;
using OpenCvSharp;

namespace FormArchive.Ingest.Reading;

/// <summary>
/// Where a camera photo's print lies when no document was found around it (a light card on a light desk shows only
/// faint edges): the rectangle around the lines seen at a glance, grown by one and a half lines on every side, taken
/// as the document. Only in colour photos with several lines seen, filling at most half of the frame: on a grey
/// photocopy the glance sees the large handwritten note and not the cards' small print, which must not be cut away.
/// </summary>
public static class TextBlock
{
    /// <summary>Lines a glance must see: a card front shows about a dozen, a back five or six, a note one or two.</summary>
    public const int MinLines = 5;

    /// <summary>Largest share of the frame a block may fill (beyond it, reading the frame costs about as much).</summary>
    public const double MaxShare = 0.5;

    public static DocumentQuad? Around(IReadOnlyList<TextQuad> glance, Mat frame)
    {
        if (glance.Count < MinLines || !PhotoColour.IsColour(frame)) return null;
        var rect = Cv2.MinAreaRect(glance.SelectMany(q => q.Points).ToArray());
        double line = glance.Select(q => Math.Min(q.Width, q.Height)).Order().ElementAt(glance.Count / 2);
        float grow = (float)(3 * line);
        var block = new RotatedRect(rect.Center, new Size2f(rect.Size.Width + grow, rect.Size.Height + grow), rect.Angle);
        if (block.Size.Width * block.Size.Height > MaxShare * frame.Rows * frame.Cols) return null;
        // Corners may stand outside the frame: flattening repeats its edge there.
        return new DocumentQuad(TextQuad.Order(block.Points()), 0.5, "text");
    }
}
