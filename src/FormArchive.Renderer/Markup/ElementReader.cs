using System.Xml;
using System.Xml.Linq;
using FormArchive.Renderer.Model;

namespace FormArchive.Renderer.Markup;

/// <summary>Typed access to one element's attributes, turning every bad value into a <see cref="MarkupException"/> at that element.</summary>
internal readonly struct ElementReader(XElement element)
{
    public string Name => element.Name.LocalName;

    public int Line => ((IXmlLineInfo)element).HasLineInfo() ? ((IXmlLineInfo)element).LineNumber : 0;

    public MarkupException Error(string message) => new(message, Line, Name);

    public string? Text(string name) => element.Attribute(name)?.Value;

    public string RequiredText(string name) => Text(name) ?? throw Error($"attribute '{name}' is required");

    public void OnlyAttributes(params string[] allowed)
    {
        foreach (var a in element.Attributes())
        {
            if (a.IsNamespaceDeclaration) continue;
            if (Array.IndexOf(allowed, a.Name.LocalName) < 0)
                throw Error($"unknown attribute '{a.Name.LocalName}'");
        }
    }

    public float? Length(string name, float emPt)
    {
        var raw = Text(name);
        if (raw is null) return null;
        return Markup.Length.TryParsePoints(raw, emPt) ?? throw Error($"attribute '{name}' is not a length: '{raw}'");
    }

    public bool? Bool(string name) => Text(name) switch
    {
        null => null,
        "true" => true,
        "false" => false,
        var other => throw Error($"attribute '{name}' must be true or false, not '{other}'"),
    };

    public int Int(string name, int fallback, int min, int max)
    {
        var raw = Text(name);
        if (raw is null) return fallback;
        if (!int.TryParse(raw, out var v) || v < min || v > max)
            throw Error($"attribute '{name}' must be a whole number from {min} to {max}, not '{raw}'");
        return v;
    }

    public TextAlignment? Align(string name = "align") => Text(name) switch
    {
        null => null,
        "left" => TextAlignment.Left,
        "center" => TextAlignment.Center,
        "right" => TextAlignment.Right,
        "justify" => TextAlignment.Justify,
        var other => throw Error($"attribute '{name}' must be left, center, right or justify, not '{other}'"),
    };

    public VerticalAlignment? VAlign() => Text("valign") switch
    {
        null => null,
        "top" => VerticalAlignment.Top,
        "middle" => VerticalAlignment.Middle,
        "bottom" => VerticalAlignment.Bottom,
        var other => throw Error($"attribute 'valign' must be top, middle or bottom, not '{other}'"),
    };

    /// <summary>Applies font, size, bold and underline attributes on top of an inherited style.</summary>
    public TextStyle Style(TextStyle inherited)
    {
        var family = Text("font") switch
        {
            null => inherited.Family,
            "serif" => FontFamilyKind.Serif,
            "sans" => FontFamilyKind.Sans,
            var other => throw Error($"attribute 'font' must be serif or sans, not '{other}'"),
        };
        var size = Length("size", inherited.SizePt) ?? inherited.SizePt;
        if (size is < 4f or > 72f) throw Error($"font size {size}pt is outside 4–72pt");
        return new TextStyle(family, size, Bool("bold") ?? inherited.Bold, Bool("underline") ?? inherited.Underline);
    }
}
