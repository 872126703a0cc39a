using System.Xml.Linq;
using FormArchive.Renderer.Model;

namespace FormArchive.Renderer.Markup;

/// <summary>Parses block-level elements: headings, paragraphs, tables, seals, spacers, page breaks.</summary>
internal static class BlockParser
{
    public static IReadOnlyList<Block> ParseBlocks(XElement container, TextStyle style, bool allowPageBreaks)
    {
        var blocks = new List<Block>();
        foreach (var node in container.Nodes())
        {
            if (node is XText text)
            {
                if (!string.IsNullOrWhiteSpace(text.Value))
                    throw new ElementReader(container).Error($"text must be inside <p> or a heading: '{Excerpt(text.Value)}'");
                continue;
            }
            if (node is XElement element) blocks.Add(ParseBlock(element, style, allowPageBreaks));
        }
        return blocks;
    }

    public static bool IsBlockElement(string name) => name is "p" or "h1" or "h2" or "h3" or "table" or "seal" or "spacer" or "pagebreak";

    private static Block ParseBlock(XElement element, TextStyle style, bool allowPageBreaks)
    {
        var reader = new ElementReader(element);
        switch (reader.Name)
        {
            case "p":
                return ParseParagraph(element, reader, style, headingLevel: 0);
            case "h1" or "h2" or "h3":
                var level = reader.Name[1] - '0';
                var headingStyle = new TextStyle(FontFamilyKind.Sans, level switch { 1 => 18f, 2 => 15f, _ => 13f }, level > 1);
                return ParseParagraph(element, reader, headingStyle, level);
            case "table":
                return TableParser.Parse(element, reader, style);
            case "seal":
                reader.OnlyAttributes("label", "unit", "date", "height", "align");
                if (element.HasElements) throw reader.Error("may not contain elements");
                return new SealArea(reader.RequiredText("label"), reader.Text("date"),
                    reader.Length("height", style.SizePt) ?? 18f * Length.PointsPerMm,
                    reader.Align() ?? TextAlignment.Right, style, reader.Text("unit"));
            case "spacer":
                reader.OnlyAttributes("height");
                return new Spacer(reader.Length("height", style.SizePt) ?? style.SizePt);
            case "pagebreak":
                reader.OnlyAttributes();
                if (!allowPageBreaks) throw reader.Error("page breaks are not allowed inside a table cell");
                return new PageBreak();
            default:
                throw reader.Error("is not a block element (p, h1–h3, table, seal, spacer, pagebreak)");
        }
    }

    /// <summary>Parses a paragraph from <paramref name="element"/>'s content. <paramref name="defaultAlign"/> is set for
    /// a table cell's inline content, whose attributes the table parser has already checked.</summary>
    public static Paragraph ParseParagraph(XElement element, ElementReader reader, TextStyle style, int headingLevel, TextAlignment? defaultAlign = null)
    {
        if (defaultAlign is null)
            reader.OnlyAttributes("align", "indent", "space-before", "space-after", "line-spacing", "size", "font", "bold", "keep-with-next", "min-size",
                "ruled");
        var runStyle = reader.Style(style);
        var lineSpacing = reader.Text("line-spacing") is { } ls
            ? (float.TryParse(ls, System.Globalization.CultureInfo.InvariantCulture, out var v) && v is >= 0.8f and <= 4f ? v
                : throw reader.Error($"line-spacing must be a number from 0.8 to 4, not '{ls}'"))
            : headingLevel > 0 ? 1.3f : defaultAlign is null ? 1.5f : 1.2f;
        var paragraphStyle = new ParagraphStyle(
            reader.Align() ?? defaultAlign ?? (headingLevel == 1 ? TextAlignment.Center : TextAlignment.Left),
            reader.Length("indent", runStyle.SizePt) ?? 0f,
            reader.Length("space-before", runStyle.SizePt) ?? (headingLevel > 0 ? runStyle.SizePt * 0.5f : 0f),
            reader.Length("space-after", runStyle.SizePt) ?? (headingLevel > 0 ? runStyle.SizePt * 0.5f : 0f),
            lineSpacing,
            reader.Bool("keep-with-next") ?? headingLevel > 0,
            MinSize(reader, runStyle),
            defaultAlign is null && (reader.Bool("ruled") ?? false));
        return new Paragraph(InlineCollector.Collect(element, runStyle), paragraphStyle, headingLevel);
    }

    /// <summary><c>min-size</c>: the smallest size the text may shrink to before it wraps (not above its own size).</summary>
    private static float MinSize(ElementReader reader, TextStyle runStyle)
    {
        if (reader.Length("min-size", runStyle.SizePt) is not { } min) return 0f;
        if (min < 4f || min > runStyle.SizePt) throw reader.Error($"min-size must be from 4pt up to the text's own size ({runStyle.SizePt}pt)");
        return min;
    }

    private static string Excerpt(string s)
    {
        var t = s.Trim();
        return t.Length <= 20 ? t : t[..20] + "…";
    }
}
