namespace FormArchive.Renderer.Docx;

/// <summary>Per-document state while building the body: ids that must be unique within the document.</summary>
internal sealed class DocxContext
{
    private int _nextSdtId = 1;

    /// <summary>A fresh w:sdt id (w:id w:val) for a content control.</summary>
    public int NextSdtId() => _nextSdtId++;
}
