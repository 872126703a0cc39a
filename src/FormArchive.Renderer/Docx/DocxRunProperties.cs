using DocumentFormat.OpenXml.Wordprocessing;
using FormArchive.Renderer.Model;

namespace FormArchive.Renderer.Docx;

/// <summary>Builds w:rPr from a <see cref="TextStyle"/>, children in schema order (rFonts, b, bCs, spacing, sz, szCs, u).</summary>
internal static class DocxRunProperties
{
    /// <summary>
    /// Run properties for <paramref name="style"/> in a paragraph whose style already gives <paramref name="baseFamily"/>.
    /// <paramref name="fonts"/> overrides the family's fonts (blanks, check boxes).
    /// </summary>
    public static RunProperties For(TextStyle style, FontFamilyKind baseFamily, RunFonts? fonts = null, bool underline = false, int spacingTwips = 0)
    {
        var rPr = new RunProperties();
        if (fonts is not null) rPr.AppendChild(fonts);
        else if (style.Family != baseFamily) rPr.AppendChild(DocxFonts.For(style.Family));
        if (style.Bold)
        {
            rPr.AppendChild(new Bold());
            rPr.AppendChild(new BoldComplexScript());
        }
        // Character spacing (blanks' padding), before w:sz in the schema's order.
        if (spacingTwips != 0) rPr.AppendChild(new Spacing { Val = spacingTwips });
        var size = DocxUnits.HalfPoints(style.SizePt);
        if (size != DocxStyles.DefaultHalfPoints)
        {
            var val = DocxUnits.Str(size);
            rPr.AppendChild(new FontSize { Val = val });
            rPr.AppendChild(new FontSizeComplexScript { Val = val });
        }
        if (underline || style.Underline) rPr.AppendChild(new Underline { Val = UnderlineValues.Single });
        return rPr;
    }

    /// <summary>Paragraph-mark properties, so an empty or last line is as tall as the text's size rather than 12 pt.</summary>
    public static ParagraphMarkRunProperties? Mark(TextStyle? style, FontFamilyKind baseFamily)
    {
        if (style is null) return null;
        var size = DocxUnits.HalfPoints(style.SizePt);
        var sameFamily = style.Family == baseFamily;
        if (size == DocxStyles.DefaultHalfPoints && sameFamily) return null;
        var mark = new ParagraphMarkRunProperties();
        if (!sameFamily) mark.AppendChild(DocxFonts.For(style.Family));
        if (size != DocxStyles.DefaultHalfPoints)
        {
            var val = DocxUnits.Str(size);
            mark.AppendChild(new FontSize { Val = val });
            mark.AppendChild(new FontSizeComplexScript { Val = val });
        }
        return mark;
    }
}
