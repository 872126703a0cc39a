using FormArchive.Ingest.Ocr;
using FormArchive.Ingest.Ocr.Paddle;
using FormArchive.Ingest.Profiling;
using FormArchive.Ingest.Recognition;
using OpenCvSharp;

namespace FormArchive.Ingest.Reading;

/// <summary>
/// One page read: the document's findings and its archival image, with every line and number box in its pixels.
/// When the first read finds no ID number where one is expected, the page is read again in other ways and the
/// read with the most confirmed numbers is kept.
/// </summary>
internal sealed class PageReading : IDisposable
{
    public required DocumentFindings Findings { get; init; }
    public Mat Archival => Findings.Document.Image;
    public IReadOnlyList<RecognizedLine> Lines => Findings.Document.Lines;
    public IReadOnlyList<IdNumberRead> Ids => Findings.Ids.Select(i => i.Read).ToList();
    public PixelBox CropBox => Findings.Document.FrameCorners.Bounds;

    /// <summary>Retries when a page that should carry an ID number gave none: wider boxes, finer detection, red print dropped, the whole frame.</summary>
    private static readonly (string Name, Func<ReadSettings, ReadSettings> Settings)[] Retries =
    [
        ("unclip2", s => s with { Detection = s.Detection with { UnclipRatio = 2.0 } }),
        ("det1280", s => s with { Detection = s.Detection with { MaxSide = 1280 } }),
        ("dropred", s => s with { DropRed = true }),
        ("frame", s => s with { WholeFrame = true, Detection = s.Detection with { MaxSide = 1280 } }),
    ];

    public static PageReading Read(DocumentReader reader, IdNumberConfirmer confirmer, Mat frame, DocumentType? hint)
    {
        var settings = new ReadSettings();
        var best = DocumentFindings.Of(reader.Read(frame, settings), reader.Ocr, confirmer, hint);
        foreach (var (name, change) in Retries)
        {
            if (!NeedsRetry(best, hint)) break;
            // A page read as a whole already is not read as a whole again.
            if (change(settings).WholeFrame && best.Document.Located == "frame") continue;
            using var _ = StageTimes.Time("retry." + name);
            var again = DocumentFindings.Of(reader.Read(frame, change(settings)), reader.Ocr, confirmer, hint);
            if (again.ValidIds > best.ValidIds) (best, again) = (again, best);
            again.Document.Dispose();
        }
        return new PageReading { Findings = best };
    }

    /// <summary>No confirmed number where one is expected, unless the number reads clearly and is itself invalid.</summary>
    private static bool NeedsRetry(DocumentFindings found, DocumentType? hint) =>
        found.ValidIds == 0 && !found.Ids.Any(i => i.Read.ConsistentlyInvalid)
        && (hint is DocumentType.IdCardFront or DocumentType.HukouMember || found.HasIdLabel
            || found.Type is DocumentType.IdCardFront or DocumentType.HukouMember);

    public void Dispose() => Findings.Document.Dispose();
}
