using System.Text;
using System.Xml.Linq;
using FormArchive.Renderer.Model;

namespace FormArchive.Renderer.Markup;

/// <summary>
/// Turns mixed content (text, span, blank, checkbox, br) into inlines. White space collapses as in HTML,
/// except that a line break in the source between CJK characters vanishes: template authors wrap long
/// Chinese lines, and Chinese text has no spaces between words.
/// </summary>
internal sealed class InlineCollector
{
    private const float DefaultBlankWidthPt = 30f * Length.PointsPerMm;
    private readonly List<Inline> _inlines = [];

    public static IReadOnlyList<Inline> Collect(XElement container, TextStyle style)
    {
        var collector = new InlineCollector();
        collector.AddChildren(container, style);
        return WhiteSpace.Normalize(collector._inlines);
    }

    private void AddChildren(XElement container, TextStyle style, bool noWrap = false)
    {
        foreach (var node in container.Nodes())
        {
            switch (node)
            {
                case XText text:
                    _inlines.Add(new TextRun(text.Value, style, noWrap));
                    break;
                case XElement element:
                    AddElement(element, style, noWrap);
                    break;
            }
        }
    }

    private void AddElement(XElement element, TextStyle style, bool noWrap)
    {
        var reader = new ElementReader(element);
        switch (reader.Name)
        {
            case "span":
                reader.OnlyAttributes("bold", "underline", "size", "font", "nowrap");
                AddChildren(element, reader.Style(style), noWrap || (reader.Bool("nowrap") ?? false));
                break;
            case "blank":
                reader.OnlyAttributes("width", "bold", "size", "font");
                NoChildElements(element, reader);
                var width = reader.Length("width", style.SizePt) ?? DefaultBlankWidthPt;
                var text = CollapseSpaces(element.Value);
                _inlines.Add(new Blank(text.Length == 0 ? null : text, width, reader.Style(style)));
                break;
            case "checkbox":
                reader.OnlyAttributes("checked");
                NoChildElements(element, reader);
                _inlines.Add(new Checkbox(reader.Bool("checked") ?? false, style));
                break;
            case "br":
                reader.OnlyAttributes();
                _inlines.Add(new LineBreak(style));
                break;
            default:
                throw reader.Error("is not allowed inside text (allowed: span, blank, checkbox, br)");
        }
    }

    private static void NoChildElements(XElement element, ElementReader reader)
    {
        if (element.HasElements) throw reader.Error("may contain only text");
    }

    private static string CollapseSpaces(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var part in s.Split([' ', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (sb.Length > 0) sb.Append(' ');
            sb.Append(part);
        }
        return sb.ToString();
    }
}
