using System.IO.Compression;
using System.Text;
using FormArchive.Archive.Cases;
using FormArchive.Archive.Storage;
using FormArchive.Domain;

namespace FormArchive.Archive.Export;

/// <summary>
/// The export package (移交/备份包) of a sealed case, one ZIP:
/// <list type="bullet">
/// <item>documents/NNNN.ext — every document's stored bytes, by 件号;</item>
/// <item>manifest.json — the sealed manifest, byte for byte as signed; manifest.sig — its Ed25519 signature
/// (base64); public-key.pem — the key to check it with;</item>
/// <item>manifest.xml — the same record as XML in the spirit of DA/T 48 / DA/T 46;</item>
/// <item>events/NNNNNNNN.json — the case's event log, whose head the manifest names;</item>
/// <item>package.json — entry names mapped to 件号 and digests.</item>
/// </list>
/// Only sealed cases are exported: an open case has no signed record to hand over. Every object is checked
/// against its SHA-256 and the signature against the key before anything is written, so a package never
/// carries damage silently.
/// </summary>
public static class ExportPackage
{
    public const string ManifestJson = "manifest.json";
    public const string ManifestXml = "manifest.xml";
    public const string Signature = "manifest.sig";
    public const string PublicKey = "public-key.pem";
    public const string Index = "package.json";

    public static async Task WriteAsync(CaseArchive archive, string caseId, Stream output, string actor, CancellationToken ct = default)
    {
        var seal = await archive.ReadSealAsync(caseId, ct);
        if (!archive.Signer.Verify(seal.ManifestBytes, seal.Signature))
            throw new ArchiveCorruptException($"case {caseId}: the seal signature does not verify with key {archive.Signer.KeyId}; run verify");
        var sealedManifest = ArchiveJson.Read<SealedManifest>(seal.ManifestBytes, "sealed manifest");
        var exportedAt = archive.Clock.GetUtcNow();

        var entries = sealedManifest.Documents.Select(d => new PackageEntry(d.No, EntryName(d), d.Title, d.MediaType, d.Size, d.Sha256, d.Sm3)).ToList();
        var index = new PackageIndex
        {
            CaseId = caseId,
            ExportedAt = exportedAt,
            ExportedBy = actor,
            ManifestSha256 = seal.Case.SealedManifestSha256!,
            SignatureAlgorithm = sealedManifest.SignatureAlgorithm,
            KeyId = sealedManifest.KeyId,
            Documents = entries,
        };
        // Entry times are the seal time, so two exports of one case differ only in package.json.
        var stamp = sealedManifest.SealedAt;

        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var (doc, entry) in sealedManifest.Documents.Zip(entries))
        {
            var bytes = await archive.Store.GetAsync(StoreArea.Vault, doc.Key, ct)
                        ?? throw new ArchiveCorruptException($"case {caseId}: object of document {doc.No} is missing");
            if (ContentDigest.Sha256Hex(bytes) != doc.Sha256)
                throw new ArchiveCorruptException($"case {caseId}: document {doc.No} does not match its SHA-256");
            // Already-compressed formats gain nothing from deflate.
            var level = doc.MediaType.StartsWith("image/", StringComparison.OrdinalIgnoreCase) ? CompressionLevel.NoCompression : CompressionLevel.Optimal;
            await AddAsync(zip, entry.Path, bytes, stamp, level, ct);
        }
        await AddAsync(zip, ManifestJson, seal.ManifestBytes, stamp, CompressionLevel.Optimal, ct);
        await AddAsync(zip, Signature, Encoding.ASCII.GetBytes(Convert.ToBase64String(seal.Signature) + "\n"), stamp, CompressionLevel.NoCompression, ct);
        await AddAsync(zip, PublicKey, Encoding.ASCII.GetBytes(archive.Signer.PublicKeyPem()), stamp, CompressionLevel.NoCompression, ct);
        var reference = sealedManifest.ArchivalReference ?? ArchivalReference.Of(sealedManifest.Metadata, archive.Fonds);
        await AddAsync(zip, ManifestXml,
            Da48Xml.Render(sealedManifest, reference, seal.Case.SealedManifestSha256!, seal.Signature, entries, exportedAt),
            stamp, CompressionLevel.Optimal, ct);
        foreach (var item in await archive.Store.ListAsync(StoreArea.Journal, CaseKeys.Events(caseId), ct))
        {
            if (CaseKeys.SeqOf(item.Key) is not { } seq || seq > sealedManifest.EventSeq + 1) continue;
            var bytes = await archive.Store.GetAsync(StoreArea.Journal, item.Key, ct)
                        ?? throw new ArchiveCorruptException($"case {caseId}: event {seq} vanished");
            await AddAsync(zip, "events/" + item.Key[(item.Key.LastIndexOf('/') + 1)..], bytes, stamp, CompressionLevel.Optimal, ct);
        }
        await AddAsync(zip, Index, ArchiveJson.Bytes(index), exportedAt, CompressionLevel.Optimal, ct);
        await archive.LogAccessAsync(caseId, "export", actor, ct);
    }

    /// <summary>documents/0001.pdf: the 件号 makes the name unique; the extension comes from the file name or media type.</summary>
    public static string EntryName(DocumentEntry d)
    {
        var ext = Path.GetExtension(d.FileName).TrimStart('.').ToLowerInvariant();
        if (ext.Length is 0 or > 8 || !ext.All(char.IsAsciiLetterOrDigit))
            ext = d.MediaType.ToLowerInvariant() switch
            {
                "application/pdf" => "pdf",
                "image/jpeg" => "jpg",
                "image/png" => "png",
                "image/tiff" => "tif",
                "application/json" => "json",
                "application/xml" or "text/xml" => "xml",
                _ => "bin",
            };
        return $"documents/{d.No:D4}.{ext}";
    }

    private static async Task AddAsync(ZipArchive zip, string name, byte[] bytes, DateTimeOffset stamp, CompressionLevel level, CancellationToken ct)
    {
        var entry = zip.CreateEntry(name, level);
        entry.LastWriteTime = stamp.Year < 1980 ? new DateTimeOffset(1980, 1, 1, 0, 0, 0, TimeSpan.Zero) : stamp.ToOffset(ChinaTime.Offset);
        await using var s = entry.Open();
        await s.WriteAsync(bytes, ct);
    }
}
