using FormArchive.Renderer.Model;

namespace FormArchive.Renderer.Layout;

/// <summary>
/// Space for a stamp, then the issuing unit's label and the date, as a block kept on one page.
/// Right-aligned seals keep two characters of air from the margin, as notices are printed.
/// </summary>
public sealed class SealLayout(SealArea seal, ITextMeasurer measurer) : ILayoutElement
{
    /// <summary>Date line left for handwriting when the data gives none.</summary>
    public const string HandwrittenDate = "年　　月　　日";

    private bool _done;

    private float LineHeight => seal.Style.SizePt * 1.6f;

    private float Height => seal.HeightPt + 2f * LineHeight;

    public SpacePlan Measure(float width, float availableHeight) =>
        _done ? SpacePlan.Full(0f) : Height <= availableHeight + 0.01f ? SpacePlan.Full(Height) : SpacePlan.Wrap;

    public void Draw(IDrawingSurface surface, float x, float y, float width, float availableHeight)
    {
        var date = seal.DateText ?? HandwrittenDate;
        var labelWidth = measurer.Width(seal.Label, seal.Style);
        var dateWidth = measurer.Width(date, seal.Style);
        var blockWidth = Math.Max(labelWidth, dateWidth);
        var left = seal.Alignment switch
        {
            TextAlignment.Left => x,
            TextAlignment.Center => x + (width - blockWidth) / 2f,
            _ => x + width - blockWidth - 2f * seal.Style.SizePt,
        };
        var ascent = measurer.Ascent(seal.Style);
        var top = y + seal.HeightPt;
        // Label and date are centred on each other, the way a stamp covers both.
        surface.DrawText(seal.Label, left + (blockWidth - labelWidth) / 2f, top + ascent, seal.Style);
        surface.DrawText(date, left + (blockWidth - dateWidth) / 2f, top + LineHeight + ascent, seal.Style);
        _done = true;
    }
}
