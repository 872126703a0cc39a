using FormArchive.Renderer.Model;

namespace FormArchive.Renderer.Layout;

/// <summary>What the layout draws with. Points, origin top-left of the page, y downward.</summary>
public interface IDrawingSurface
{
    void DrawText(string text, float x, float baselineY, TextStyle style);
    void DrawLine(float x1, float y1, float x2, float y2, float widthPt, bool dashed = false);
    void StrokeRectangle(float x, float y, float width, float height, float widthPt);
    void DrawCheckMark(float x, float y, float size, float widthPt);

    /// <summary>Text that is extracted and searched but not seen (a check box's state), stretched to <paramref name="widthPt"/>.</summary>
    void DrawInvisibleText(string text, float x, float baselineY, TextStyle style, float widthPt);
}
