namespace FormArchive.Ingest.Ocr.Paddle;

/// <summary>A text line found and read by PP-OCR: its quad in the image read, its text and confidence (0–1).</summary>
public sealed record RecognizedLine(TextQuad Quad, string Text, float Confidence)
{
    /// <summary>Whether the direction classifier turned the strip 180° before reading it.</summary>
    public bool Flipped { get; init; }
}
