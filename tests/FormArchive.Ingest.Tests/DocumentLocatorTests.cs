using System.Text.Json.Nodes;
using FormArchive.Ingest.Imaging;
using OpenCvSharp;

namespace FormArchive.Ingest.Tests;

/// <summary>Documents found in camera photos, against the corners the generator drew them at.</summary>
public sealed class DocumentLocatorTests
{
    private static IEnumerable<(string File, Point2f[] Corners)> CameraCaptures()
    {
        var truth = JsonNode.Parse(File.ReadAllText(Path.Combine(CapturesFixture.Dir, "truth.json")))!.AsArray();
        foreach (var t in truth.Where(t => (string?)t!["style"] == "camera"))
        {
            var corners = t!["corners"]![0]!.AsArray().Select(p => new Point2f((float)p![0]!, (float)p[1]!)).ToArray();
            yield return ((string)t["file"]!, corners);
        }
    }

    [Fact]
    public void MostCameraPhotosGiveTheirDocumentsCornersAndNoneAWrongQuad()
    {
        int found = 0, total = 0;
        foreach (var (file, truth) in CameraCaptures())
        {
            total++;
            using var frame = Cv2.ImRead(Path.Combine(CapturesFixture.Dir, file), ImreadModes.Color);
            var quads = DocumentLocator.Find(frame);
            if (quads.Count == 0) continue; // not found: the frame is read as a whole, which is allowed
            found++;
            double diagonal = Math.Sqrt(frame.Cols * (double)frame.Cols + frame.Rows * (double)frame.Rows);
            // The largest quad is the document: every corner of it lies near a corner of the truth (the order depends on the turn).
            foreach (var p in quads[0].Corners.Points)
            {
                double nearest = truth.Min(q => Math.Sqrt((p.X - q.X) * (p.X - q.X) + (p.Y - q.Y) * (p.Y - q.Y)));
                Assert.True(nearest < 0.025 * diagonal, $"{file}: corner {p} is {nearest:0} px from the document's corners");
            }
        }
        Assert.True(found >= total - 3, $"documents found in {found} of {total} camera photos");
    }

    [Fact]
    public void AFlatbedPageHasNoDocumentQuad()
    {
        using var page = new Mat(1754, 1240, MatType.CV_8UC3, new Scalar(245, 245, 245));
        Cv2.PutText(page, "scanned page", new Point(100, 200), HersheyFonts.HersheySimplex, 3, Scalar.Black, 5);
        Assert.Empty(DocumentLocator.Find(page));
    }
}
