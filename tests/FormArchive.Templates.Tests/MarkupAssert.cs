using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace FormArchive.Tests.Templates;

/// <summary>
/// Checks rendered markup against docs/markup.md: well-formed XML (DTDs prohibited), only the documented
/// elements and attributes, documented attribute values, blocks and inlines where they belong, and table
/// rows that fill exactly the declared columns (colspan/rowspan included).
/// </summary>
internal static partial class MarkupAssert
{
    private static readonly Dictionary<string, string[]> Attributes = new()
    {
        ["document"] = ["title", "paper", "orientation", "margin", "font-size", "subject", "author", "keywords"],
        ["h1"] = ["align"], ["h2"] = ["align"], ["h3"] = ["align"],
        ["p"] = ["align", "indent", "space-before", "space-after", "line-spacing", "size", "font", "bold", "keep-with-next", "min-size"],
        ["table"] = ["widths", "header-rows", "border", "keep-with-next"],
        ["tr"] = ["height", "keep-with-next"],
        ["td"] = ["colspan", "rowspan", "valign", "align", "padding", "min-size"],
        ["seal"] = ["label", "unit", "date", "height", "align"],
        ["spacer"] = ["height"],
        ["pagebreak"] = [],
        ["span"] = ["bold", "underline", "size", "font", "nowrap"],
        ["blank"] = ["width"],
        ["checkbox"] = ["checked"],
        ["br"] = [],
    };

    private static readonly HashSet<string> Blocks = ["h1", "h2", "h3", "p", "table", "seal", "spacer", "pagebreak"];
    private static readonly HashSet<string> Inlines = ["span", "blank", "checkbox", "br"];

    public static XDocument Parse(string markup)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
        using var reader = XmlReader.Create(new StringReader(markup), settings);
        return XDocument.Load(reader, LoadOptions.SetLineInfo);
    }

    /// <summary>Parses and checks; returns the document.</summary>
    public static XDocument Valid(string markup)
    {
        var doc = Parse(markup);
        var errors = new List<string>();
        Assert.Equal("document", doc.Root!.Name.LocalName);
        Check(doc.Root, errors);
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
        return doc;
    }

    private static void Check(XElement e, List<string> errors)
    {
        var name = e.Name.LocalName;
        var where = $"line {((IXmlLineInfo)e).LineNumber} <{name}>";
        if (e.Name.Namespace != XNamespace.None || !Attributes.TryGetValue(name, out var allowed))
        {
            errors.Add($"{where}: unknown element");
            return;
        }
        foreach (var a in e.Attributes())
        {
            if (!allowed.Contains(a.Name.LocalName))
                errors.Add($"{where}: unknown attribute {a.Name}");
            else
                CheckValue(name, a.Name.LocalName, a.Value, where, errors);
        }
        if (name == "seal" && e.Attribute("label") is null)
            errors.Add($"{where}: label is required");
        if (name == "table" && e.Attribute("widths") is null)
            errors.Add($"{where}: widths is required");

        var children = e.Elements().Select(c => c.Name.LocalName).ToList();
        var hasText = e.Nodes().OfType<XText>().Any(t => !string.IsNullOrWhiteSpace(t.Value));
        switch (name)
        {
            case "document":
                Require(children.All(Blocks.Contains) && !hasText, "only blocks");
                break;
            case "table":
                Require(children.All(c => c == "tr") && !hasText, "only <tr>");
                CheckGrid(e, where, errors);
                break;
            case "tr":
                Require(children.All(c => c == "td") && !hasText, "only <td>");
                break;
            case "td":
                var blocks = children.Count(c => c == "p");
                Require(blocks == 0 ? children.All(Inlines.Contains) : blocks == children.Count && !hasText,
                    "inline content or <p> blocks, not both");
                break;
            case "p" or "h1" or "h2" or "h3" or "span":
                Require(children.All(Inlines.Contains), "only inlines");
                break;
            case "blank":
                Require(children.Count == 0, "text only");
                break;
            case "checkbox" or "br" or "spacer" or "pagebreak" or "seal":
                Require(children.Count == 0 && !hasText, "empty");
                break;
        }
        foreach (var child in e.Elements())
            Check(child, errors);

        void Require(bool ok, string what)
        {
            if (!ok)
                errors.Add($"{where}: must contain {what}; has [{string.Join(",", children)}]{(hasText ? " and text" : "")}");
        }
    }

    private static void CheckValue(string element, string attribute, string value, string where, List<string> errors)
    {
        bool ok = (element, attribute) switch
        {
            (_, "bold" or "underline" or "keep-with-next" or "checked") => value is "true" or "false",
            ("p", "align") or ("h1" or "h2" or "h3", "align") or ("td", "align") => value is "left" or "center" or "right" or "justify",
            ("seal", "align") => value is "left" or "center" or "right",
            (_, "valign") => value is "top" or "middle" or "bottom",
            (_, "font") => value is "serif" or "sans",
            ("document", "orientation") => value is "portrait" or "landscape",
            ("document", "margin") => value.Split(' ', StringSplitOptions.RemoveEmptyEntries) is { Length: 1 or 2 or 4 } parts && parts.All(IsLength),
            (_, "indent" or "space-before" or "space-after" or "size" or "min-size" or "font-size" or "height" or "width" or "padding" or "border") => IsLength(value),
            (_, "line-spacing") => double.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out _),
            (_, "colspan" or "rowspan" or "header-rows") => int.TryParse(value, out var n) && n >= 1,
            ("table", "widths") => value.Split(' ', StringSplitOptions.RemoveEmptyEntries).All(w => IsLength(w) || Fr().IsMatch(w)),
            _ => true,
        };
        if (!ok)
            errors.Add($"{where}: bad {attribute}=\"{value}\"");
    }

    private static bool IsLength(string s) => Length().IsMatch(s);

    [GeneratedRegex(@"^\d+(\.\d+)?(pt|mm|cm|em)?$")]
    private static partial Regex Length();

    [GeneratedRegex(@"^\d+(\.\d+)?fr$")]
    private static partial Regex Fr();

    /// <summary>Every row must cover exactly the declared columns, counting cells spanned from rows above.</summary>
    private static void CheckGrid(XElement table, string where, List<string> errors)
    {
        var columns = ((string?)table.Attribute("widths") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        var rows = table.Elements("tr").ToList();
        var carried = new int[columns]; // remaining rows a cell from above still occupies
        for (var r = 0; r < rows.Count; r++)
        {
            var occupied = carried.Select(c => c > 0).ToArray();
            var col = 0;
            foreach (var td in rows[r].Elements("td"))
            {
                while (col < columns && occupied[col])
                    col++;
                var span = (int?)td.Attribute("colspan") ?? 1;
                var rowspan = (int?)td.Attribute("rowspan") ?? 1;
                if (col + span > columns)
                {
                    errors.Add($"{where}: row {r + 1} has more cells than the {columns} columns");
                    break;
                }
                if (r + rowspan > rows.Count)
                    errors.Add($"{where}: row {r + 1} has a rowspan past the end of the table");
                for (var i = col; i < col + span; i++)
                {
                    if (occupied[i])
                        errors.Add($"{where}: row {r + 1} overlaps column {i + 1}");
                    occupied[i] = true;
                    carried[i] = Math.Max(carried[i], rowspan);
                }
                col += span;
            }
            if (occupied.Any(o => !o))
                errors.Add($"{where}: row {r + 1} leaves columns empty ({occupied.Count(o => o)} of {columns} covered)");
            for (var i = 0; i < columns; i++)
                carried[i] = Math.Max(0, carried[i] - 1);
        }
        if ((int?)table.Attribute("header-rows") is { } h && h > rows.Count)
            errors.Add($"{where}: header-rows {h} exceeds the {rows.Count} rows");
    }

    /// <summary>Text of an element with runs of white space collapsed, as the renderer shows it.</summary>
    public static string Text(XElement e) => Spaces().Replace(e.Value, " ").Trim();

    [GeneratedRegex(@"[ \t\r\n]+")]
    private static partial Regex Spaces();
}
