namespace FormArchive.ScanGen;

/// <summary>
/// Pins properties of one capture that are otherwise drawn at random (used to build a small corpus that covers
/// named cases). Random values are still drawn and then overridden, so pinning one property leaves the rest of
/// the image as the seed made it.
/// </summary>
public sealed record CaptureOptions
{
    /// <summary>Quarter turn of the document in the frame (0/90/180/270); photocopies and flatbeds take 0 or 180.</summary>
    public int? Quarter { get; init; }
    /// <summary>Set the ID number in OCR-B (true) or the sans face (false).</summary>
    public bool? OcrB { get; init; }
    /// <summary>Card back (or photocopy back) that expired before the capture date, or one that has not.</summary>
    public bool? Expired { get; init; }
    /// <summary>true: 有效期限 "…-长期".</summary>
    public bool? LongTerm { get; init; }
    /// <summary>Photocopy of two members' fronts.</summary>
    public bool? TwoPeople { get; init; }
    /// <summary>Photocopy dpi (150/200/300).</summary>
    public int? Dpi { get; init; }
    /// <summary>Hospital page variant: with-id, no-id, decoy.</summary>
    public string? Variant { get; init; }
    /// <summary>Camera frames of 1600×1200 or 2000×1500 only and JPEG quality at most 80 (keeps a committed corpus small).</summary>
    public bool SmallFrames { get; init; }
    /// <summary>A red grid line runs through the 户口簿 number.</summary>
    public bool? GridCrossesNumber { get; init; }
    /// <summary>户口簿 number label "公民身份号码" (older booklets) instead of "公民身份证件编号".</summary>
    public bool? OldLabel { get; init; }
    /// <summary>Photocopy: gap between the two cards, in mm (18–45).</summary>
    public double? GapMm { get; init; }
    /// <summary>
    /// The image's random stream, instead of the corpus's own for its index: <c>ScanCorpus.ImageSeed(seed, i)</c> of a
    /// benchmark set gives that set's image i again (with no other option set), to keep one it failed on.
    /// </summary>
    public int? Seed { get; init; }
    /// <summary>Photocopy: the handwritten note's rise in degrees (25–45); with a small gap it crosses the first card's number.</summary>
    public double? NoteRise { get; init; }
}
