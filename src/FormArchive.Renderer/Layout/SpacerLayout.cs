namespace FormArchive.Renderer.Layout;

/// <summary>Vertical white space; at the bottom of a page it shrinks to what is left rather than pushing content over.</summary>
public sealed class SpacerLayout(float height) : ILayoutElement
{
    private bool _done;

    public SpacePlan Measure(float width, float availableHeight) =>
        _done ? SpacePlan.Full(0f) : SpacePlan.Full(Math.Max(0f, Math.Min(height, availableHeight)));

    public void Draw(IDrawingSurface surface, float x, float y, float width, float availableHeight) => _done = true;
}
