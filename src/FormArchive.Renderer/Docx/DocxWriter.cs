using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using FormArchive.Renderer.Layout;
using FormArchive.Renderer.Model;
using FormArchive.Renderer.Pdf;

namespace FormArchive.Renderer.Docx;

/// <summary>Writes a <see cref="DocumentModel"/> as a WordprocessingML (.docx) document.</summary>
public static class DocxWriter
{
    private const string W14Namespace = "http://schemas.microsoft.com/office/word/2010/wordml";
    private const string McNamespace = "http://schemas.openxmlformats.org/markup-compatibility/2006";

    /// <summary>Writes the document to <paramref name="output"/> (built in memory first, so any stream will do).</summary>
    public static void Write(DocumentModel document, Stream output, FontLibrary? fonts = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        using var buffer = Build(document, fonts ?? FontLibrary.Default);
        buffer.Position = 0;
        buffer.CopyTo(output);
    }

    /// <summary>The document as .docx bytes.</summary>
    /// <summary>The document as .docx bytes; <paramref name="fonts"/> are the PDF's fonts (metrics, embedded subsets).</summary>
    public static byte[] ToArray(DocumentModel document, FontLibrary? fonts = null)
    {
        using var buffer = Build(document, fonts ?? FontLibrary.Default);
        return buffer.ToArray();
    }

    private static MemoryStream Build(DocumentModel document, FontLibrary fonts)
    {
        ArgumentNullException.ThrowIfNull(document);
        var body = BuildBody(document, new FontTextMeasurer(fonts));
        var embedded = DocxEmbeddedFonts.For(document, fonts);
        var buffer = new MemoryStream(32 * 1024);
        using (var package = WordprocessingDocument.Create(buffer, WordprocessingDocumentType.Document))
        {
            var main = package.AddMainDocumentPart();
            main.Document = Root(body);
            Feed(main.AddNewPart<StyleDefinitionsPart>(), DocxStyles.Bytes);
            Feed(main.AddNewPart<DocumentSettingsPart>(), DocxSettings.SettingsBytes);
            var fontTable = main.AddNewPart<FontTablePart>();
            var ids = DocxEmbeddedFonts.AddParts(fontTable, embedded);
            Feed(fontTable, DocxSettings.FontTableBytes(ids));
            DocxCoreProperties.Apply(package.PackageProperties, document.Info);
        }
        return buffer;
    }

    private static Body BuildBody(DocumentModel document, ITextMeasurer measurer)
    {
        var body = new Body();
        DocxBlockBuilder.Append(body, document.Blocks, DocxSection.ContentTwips(document.Page), new DocxContext(measurer), endWithParagraph: true);
        body.AppendChild(DocxSection.Build(document.Page));
        return body;
    }

    /// <summary>w:document declaring w14 (check boxes) as ignorable, so Word 2007 and strict readers still open it.</summary>
    private static Document Root(Body body)
    {
        var root = new Document(body);
        root.AddNamespaceDeclaration("mc", McNamespace);
        root.AddNamespaceDeclaration("w14", W14Namespace);
        root.MCAttributes = new MarkupCompatibilityAttributes { Ignorable = "w14" };
        return root;
    }

    private static void Feed(OpenXmlPart part, byte[] bytes)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        part.FeedData(stream);
    }
}
