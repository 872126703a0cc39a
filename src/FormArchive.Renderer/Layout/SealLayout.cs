using FormArchive.Renderer.Model;

namespace FormArchive.Renderer.Layout;

/// <summary>
/// Space for a stamp, then the label, the issuing unit and the date, as a block kept on one page.
/// Right-aligned seals keep two characters of air from the margin, as notices are printed.
/// </summary>
public sealed class SealLayout(SealArea seal, ITextMeasurer measurer) : ILayoutElement
{
    private bool _done;

    /// <summary>Distance between the seal's lines (the DOCX writer uses the same pitch).</summary>
    public static float LinePitch(TextStyle style) => style.SizePt * 1.6f;

    private float LineHeight => LinePitch(seal.Style);

    private float Height => seal.HeightPt + seal.Lines.Count * LineHeight;

    public SpacePlan Measure(float width, float availableHeight) =>
        _done ? SpacePlan.Full(0f) : Height <= availableHeight + 0.01f ? SpacePlan.Full(Height) : SpacePlan.Wrap;

    public void Draw(IDrawingSurface surface, float x, float y, float width, float availableHeight)
    {
        var lines = seal.Lines;
        var widths = lines.Select(l => measurer.Width(l, seal.Style)).ToList();
        var blockWidth = widths.Max();
        var left = seal.Alignment switch
        {
            TextAlignment.Left => x,
            TextAlignment.Center => x + (width - blockWidth) / 2f,
            _ => x + width - blockWidth - 2f * seal.Style.SizePt,
        };
        var ascent = measurer.Ascent(seal.Style);
        var top = y + seal.HeightPt;
        // The lines are centred on each other, the way a stamp covers the unit and the date.
        for (var i = 0; i < lines.Count; i++)
            surface.DrawText(lines[i], left + (blockWidth - widths[i]) / 2f, top + i * LineHeight + ascent, seal.Style);
        _done = true;
    }
}
