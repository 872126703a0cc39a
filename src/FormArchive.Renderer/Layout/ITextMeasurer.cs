using FormArchive.Renderer.Model;

namespace FormArchive.Renderer.Layout;

/// <summary>Font metrics the layout needs, in points for a style's size.</summary>
public interface ITextMeasurer
{
    float Width(string text, TextStyle style);

    /// <summary>Distance from the top of the em box to the baseline.</summary>
    float Ascent(TextStyle style);
}
