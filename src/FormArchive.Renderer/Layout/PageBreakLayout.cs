namespace FormArchive.Renderer.Layout;

/// <summary>Marker for &lt;pagebreak/&gt;; <see cref="ColumnLayout"/> ends the page when it reaches one.</summary>
public sealed class PageBreakLayout : ILayoutElement
{
    public SpacePlan Measure(float width, float availableHeight) => SpacePlan.Full(0f);

    public void Draw(IDrawingSurface surface, float x, float y, float width, float availableHeight) { }
}
