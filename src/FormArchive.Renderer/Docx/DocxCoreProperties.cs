using DocumentFormat.OpenXml.Packaging;
using FormArchive.Renderer.Model;

// IPackageProperties is the SDK's (stable in practice) core-properties API, flagged experimental in 3.x.
#pragma warning disable OOXML0001

namespace FormArchive.Renderer.Docx;

/// <summary>docProps/core.xml from <see cref="DocumentInfo"/>: title, subject, creator, keywords, created.</summary>
internal static class DocxCoreProperties
{
    public static void Apply(IPackageProperties properties, DocumentInfo info)
    {
        properties.Title = info.Title;
        if (!string.IsNullOrEmpty(info.Subject)) properties.Subject = info.Subject;
        if (!string.IsNullOrEmpty(info.Author))
        {
            properties.Creator = info.Author;
            properties.LastModifiedBy = info.Author;
        }
        if (!string.IsNullOrEmpty(info.Keywords)) properties.Keywords = info.Keywords;
        if (info.Created is { } created)
        {
            properties.Created = created.UtcDateTime;
            properties.Modified = created.UtcDateTime;
        }
    }
}
