using System.IO.Compression;
using FormArchive.Templates.Printing;

namespace FormArchive.Api.Forms;

/// <summary>
/// Printed forms as one ZIP: entries <c>NN-&lt;title&gt;.pdf|.docx</c>, numbered in request order so that two copies
/// of a form do not collide and the clerk's folder sorts as asked. Nothing else goes in.
/// </summary>
public static class FormZip
{
    /// <summary>The value of the format query parameter that asks for a ZIP.</summary>
    public const string Format = "zip";

    public const string ContentType = "application/zip";

    /// <summary>Download name of a ZIP of several forms.</summary>
    public const string BundleFileName = "表格.zip";

    /// <summary>
    /// The ZIP of <paramref name="forms"/> (each form's documents, in request order): the nth form's documents
    /// become <c>0n-title.ext</c>. Entry names are stored as UTF-8 with the language-encoding flag set
    /// (System.IO.Compression does so for non-ASCII names), which unzip tools need to show the Chinese titles.
    /// </summary>
    public static byte[] Write(IReadOnlyList<IReadOnlyList<PrintedForm>> forms)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            for (var i = 0; i < forms.Count; i++)
                foreach (var printed in forms[i])
                {
                    // PDF streams are compressed already and DOCX is a ZIP itself: deflating again gains little.
                    var entry = zip.CreateEntry($"{i + 1:00}-{printed.FileName}", CompressionLevel.Fastest);
                    using var stream = entry.Open();
                    stream.Write(printed.Document.Content);
                }
        }
        return buffer.ToArray();
    }

    /// <summary>The download name: the form's title for one form, <see cref="BundleFileName"/> for several.</summary>
    public static string FileName(IReadOnlyList<IReadOnlyList<PrintedForm>> forms) =>
        forms.Count == 1 ? forms[0][0].Form.Title + ".zip" : BundleFileName;
}
