namespace FormArchive.Renderer.Layout;

/// <summary>
/// A laid-out piece of a document. Measure asks how much fits without changing anything; Draw draws exactly that
/// much and remembers where it stopped, so the next page's Measure/Draw continue with the rest (partial rendering).
/// Width is fixed by the container; heights are in points.
/// </summary>
public interface ILayoutElement
{
    SpacePlan Measure(float width, float availableHeight);

    void Draw(IDrawingSurface surface, float x, float y, float width, float availableHeight);

    /// <summary>True for an element that must start on the same page as the one after it (headings).</summary>
    bool KeepWithNext => false;
}
