using FormArchive.Ingest.Ocr.Paddle;
using OpenCvSharp;

namespace FormArchive.Ingest.Reading;

/// <summary>A document cut out of a frame, flattened, turned upright and read.</summary>
public sealed class ReadDocument : IDisposable
{
    /// <summary>The upright, flattened document (BGR); the archival image is encoded from it.</summary>
    public required Mat Image { get; init; }
    /// <summary>Text lines in <see cref="Image"/>'s pixels, top to bottom.</summary>
    public required IReadOnlyList<RecognizedLine> Lines { get; init; }
    /// <summary>Clockwise rotation that made the document upright, in degrees: a quarter turn (0/90/180/270).</summary>
    public required int Orientation { get; init; }
    /// <summary>The document's own tilt in the frame, degrees clockwise, within ±45° (removed by flattening).</summary>
    public required double SkewDegrees { get; init; }
    /// <summary>The document's corners in the frame (its own top-left first), or the frame itself when none was found.</summary>
    public required TextQuad FrameCorners { get; init; }
    /// <summary>How the document was found: "edges", "colour", or "frame" for the whole frame.</summary>
    public required string Located { get; init; }

    public void Dispose() => Image.Dispose();
}
