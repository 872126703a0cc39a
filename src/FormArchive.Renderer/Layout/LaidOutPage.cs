using FormArchive.Renderer.Model;

namespace FormArchive.Renderer.Layout;

/// <summary>
/// One page as a display list. Layout records into it first so the page count is known (for "第 1 页 共 2 页")
/// before any writer runs, and so tests can inspect geometry without a PDF.
/// </summary>
public sealed class LaidOutPage : IDrawingSurface
{
    private readonly List<Action<IDrawingSurface>> _ops = [];
    private readonly List<PlacedText> _texts = [];

    public LaidOutPage(float width, float height)
    {
        Width = width;
        Height = height;
    }

    public float Width { get; }
    public float Height { get; }

    /// <summary>Every text drawn, in drawing order, with its position (for tests and diagnostics).</summary>
    public IReadOnlyList<PlacedText> Texts => _texts;

    public void DrawText(string text, float x, float baselineY, TextStyle style)
    {
        _texts.Add(new PlacedText(text, x, baselineY, style));
        _ops.Add(s => s.DrawText(text, x, baselineY, style));
    }

    public void DrawLine(float x1, float y1, float x2, float y2, float widthPt, bool dashed = false) =>
        _ops.Add(s => s.DrawLine(x1, y1, x2, y2, widthPt, dashed));

    public void StrokeRectangle(float x, float y, float width, float height, float widthPt) =>
        _ops.Add(s => s.StrokeRectangle(x, y, width, height, widthPt));

    public void DrawCheckMark(float x, float y, float size, float widthPt) =>
        _ops.Add(s => s.DrawCheckMark(x, y, size, widthPt));

    /// <summary>Recorded in <see cref="Texts"/> too: extracted text must equal what the layout drew, seen or not.</summary>
    public void DrawInvisibleText(string text, float x, float baselineY, TextStyle style, float widthPt)
    {
        _texts.Add(new PlacedText(text, x, baselineY, style));
        _ops.Add(s => s.DrawInvisibleText(text, x, baselineY, style, widthPt));
    }

    public void ReplayTo(IDrawingSurface target)
    {
        foreach (var op in _ops) op(target);
    }
}

public sealed record PlacedText(string Text, float X, float BaselineY, TextStyle Style);
