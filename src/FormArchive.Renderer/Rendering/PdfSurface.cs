using FormArchive.Renderer.Layout;
using FormArchive.Renderer.Model;
using FormArchive.Renderer.Pdf;

namespace FormArchive.Renderer.Rendering;

/// <summary>Replays the layout's drawing onto a PDF page.</summary>
internal sealed class PdfSurface(PdfPageCanvas canvas) : IDrawingSurface
{
    public void DrawText(string text, float x, float baselineY, TextStyle style) =>
        canvas.DrawText(text, x, baselineY, style.Family, style.Bold, style.SizePt);

    public void DrawLine(float x1, float y1, float x2, float y2, float widthPt, bool dashed = false) =>
        canvas.DrawLine(x1, y1, x2, y2, widthPt, dashed);

    public void StrokeRectangle(float x, float y, float width, float height, float widthPt) =>
        canvas.StrokeRectangle(x, y, width, height, widthPt);

    public void DrawCheckMark(float x, float y, float size, float widthPt) =>
        canvas.DrawCheckMark(x, y, size, widthPt);

    public void DrawInvisibleText(string text, float x, float baselineY, TextStyle style, float widthPt) =>
        canvas.DrawInvisibleText(text, x, baselineY, style.SizePt, widthPt, style.Family);
}
