using System.Xml;
using System.Xml.Linq;
using FormArchive.Renderer.Model;

namespace FormArchive.Renderer.Markup;

/// <summary>
/// Parses FormArchive markup (docs/markup.md) into a <see cref="DocumentModel"/>.
/// DTDs are prohibited so markup cannot expand entities or reach files.
/// </summary>
public static class MarkupParser
{
    private static readonly XmlReaderSettings ReaderSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
    };

    public static DocumentModel Parse(string markup)
    {
        XDocument xml;
        try
        {
            using var reader = XmlReader.Create(new StringReader(markup), ReaderSettings);
            xml = XDocument.Load(reader, LoadOptions.SetLineInfo | LoadOptions.PreserveWhitespace);
        }
        catch (XmlException e)
        {
            throw new MarkupException(e.Message, e.LineNumber, null, e);
        }
        var root = xml.Root!;
        var reader0 = new ElementReader(root);
        if (reader0.Name != "document") throw reader0.Error("the root element must be <document>");
        reader0.OnlyAttributes("title", "paper", "orientation", "margin", "font-size", "subject", "author", "keywords");

        var page = ReadPageSetup(reader0);
        var bodySize = reader0.Length("font-size", 12f) ?? 12f;
        var info = new DocumentInfo(reader0.RequiredText("title"), reader0.Text("subject"), reader0.Text("author"), reader0.Text("keywords"));
        var blocks = BlockParser.ParseBlocks(root, new TextStyle(FontFamilyKind.Serif, bodySize), allowPageBreaks: true);
        return new DocumentModel(info, page, blocks);
    }

    private static PageSetup ReadPageSetup(ElementReader root)
    {
        var paper = root.Text("paper") ?? "A4";
        if (paper != "A4") throw root.Error($"paper '{paper}' is not supported (A4)");
        var orientation = root.Text("orientation") switch
        {
            null or "portrait" => PageOrientation.Portrait,
            "landscape" => PageOrientation.Landscape,
            var other => throw root.Error($"orientation must be portrait or landscape, not '{other}'"),
        };
        var page = PageSetup.A4(orientation, 20f * Length.PointsPerMm);
        var margin = root.Text("margin");
        if (margin is null) return page;
        var parts = margin.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => Length.TryParsePoints(p, 12f) ?? throw root.Error($"margin '{p}' is not a length"))
            .ToArray();
        float[] m = parts.Length switch
        {
            1 => [parts[0], parts[0], parts[0], parts[0]],
            2 => [parts[0], parts[1], parts[0], parts[1]],
            4 => parts,
            _ => throw root.Error("margin takes 1, 2 or 4 lengths"),
        };
        if (m[1] + m[3] > page.WidthPt - 72f || m[0] + m[2] > page.HeightPt - 72f) throw root.Error("margins leave no room for content");
        return page with { MarginTopPt = m[0], MarginRightPt = m[1], MarginBottomPt = m[2], MarginLeftPt = m[3] };
    }
}
