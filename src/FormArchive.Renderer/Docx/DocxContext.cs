namespace FormArchive.Renderer.Docx;

/// <summary>Per-document state while building the body: ids that must be unique within the document, and the metrics.</summary>
internal sealed class DocxContext(Layout.ITextMeasurer measurer)
{
    /// <summary>The PDF layout's metrics, so blanks and lines come out as long as in the PDF.</summary>
    public Layout.ITextMeasurer Measurer { get; } = measurer;

    private int _nextSdtId = 1;

    /// <summary>A fresh w:sdt id (w:id w:val) for a content control.</summary>
    public int NextSdtId() => _nextSdtId++;
}
