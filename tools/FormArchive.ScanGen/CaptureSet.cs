namespace FormArchive.ScanGen;

/// <summary>
/// The small committed corpus (tests/FormArchive.Ingest.Tests/Captures): one or more of every capture kind with
/// the cases the tests name pinned (turned cards, OCR-B, expired and 长期 backs, two members on one copy, an
/// upside-down copy, a grid line through a 户口簿 number, the old label, each hospital variant). Small frames keep
/// it under 2.5 MB.
/// </summary>
public static class CaptureSet
{
    public static readonly IReadOnlyList<(SyntheticKind Kind, CaptureOptions Options)> Items =
    [
        (SyntheticKind.CameraIdFront, new() { SmallFrames = true, Quarter = 90, OcrB = false }),
        (SyntheticKind.CameraIdFront, new() { SmallFrames = true, Quarter = 180 }),
        (SyntheticKind.CameraIdFront, new() { SmallFrames = true, Quarter = 0, OcrB = true }),
        (SyntheticKind.CameraIdBack, new() { SmallFrames = true, Expired = true }),
        (SyntheticKind.CameraIdBack, new() { SmallFrames = true, LongTerm = true }),
        (SyntheticKind.Photocopy, new() { Dpi = 150, TwoPeople = true, Quarter = 0 }),
        (SyntheticKind.Photocopy, new() { Dpi = 200, TwoPeople = false, Quarter = 180 }),
        (SyntheticKind.CameraHukouMember, new() { SmallFrames = true, GridCrossesNumber = true, OldLabel = false }),
        (SyntheticKind.CameraHukouMember, new() { SmallFrames = true, GridCrossesNumber = false, OldLabel = true }),
        (SyntheticKind.CameraHukouMember, new() { SmallFrames = true, Quarter = 270 }),
        (SyntheticKind.BadChecksumId, new() { SmallFrames = true }),
        (SyntheticKind.HospitalPage, new() { SmallFrames = true, Variant = "with-id" }),
        (SyntheticKind.HospitalPage, new() { SmallFrames = true, Variant = "decoy" }),
        (SyntheticKind.CameraBankCard, new() { SmallFrames = true }),
    ];
}
