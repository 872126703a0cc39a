using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using FormArchive.Renderer.Docx;
using FormArchive.Renderer.Model;
using Paragraph = DocumentFormat.OpenXml.Wordprocessing.Paragraph;
using Table = DocumentFormat.OpenXml.Wordprocessing.Table;
using TableCell = DocumentFormat.OpenXml.Wordprocessing.TableCell;
using TableRow = DocumentFormat.OpenXml.Wordprocessing.TableRow;
namespace FormArchive.Tests.Docx;

/// <summary>Writes a model, reopens it with the SDK, and validates it.</summary>
internal sealed class OpenedDocx : IDisposable
{
    private readonly MemoryStream _stream;

    public OpenedDocx(DocumentModel model)
    {
        Bytes = DocxWriter.ToArray(model);
        _stream = new MemoryStream(Bytes, writable: false);
        Package = WordprocessingDocument.Open(_stream, isEditable: false);
    }

    public byte[] Bytes { get; }
    public WordprocessingDocument Package { get; }
    public Body Body => Package.MainDocumentPart!.Document!.Body!;

    /// <summary>All w:t text in document order.</summary>
    public string AllText => string.Concat(Body.Descendants<Text>().Select(t => t.Text));

    public IReadOnlyList<Table> Tables => Body.Elements<Table>().ToList();

    /// <summary>Validation errors formatted one a line, for assertion messages.</summary>
    public static string Validate(WordprocessingDocument package, FileFormatVersions version)
    {
        var errors = new OpenXmlValidator(version).Validate(package).ToList();
        if (errors.Count == 0) return string.Empty;
        var sb = new StringBuilder().AppendLine($"{errors.Count} validation error(s) ({version}):");
        foreach (var e in errors.Take(30))
            sb.AppendLine($"  {e.ErrorType} {e.Id} at {e.Path?.XPath} [{e.Part?.Uri}] node <{e.Node?.LocalName}>: {e.Description}");
        return sb.ToString();
    }

    public void Dispose()
    {
        Package.Dispose();
        _stream.Dispose();
    }
}
