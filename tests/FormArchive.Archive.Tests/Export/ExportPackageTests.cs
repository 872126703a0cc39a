using System.IO.Compression;
using System.Text;
using System.Xml.Linq;
using FormArchive.Archive.Cases;
using FormArchive.Archive.Export;
using FormArchive.Archive.Seal;
using FormArchive.Archive.Storage;
using FormArchive.Archive.Tests.Infrastructure;

namespace FormArchive.Archive.Tests.Export;

[Collection("archive")]
public sealed class ExportPackageTests(ArchiveFixture fx)
{
    private async Task<(CaseArchive Archive, string Id)> SealedCaseAsync(string kind)
    {
        var archive = fx.Archive(kind);
        var id = ArchiveFixture.NewCaseId("exp");
        await archive.OpenCaseAsync(Samples.Metadata(id), "clerk");
        await archive.AddDocumentAsync(id, Samples.PdfUpload("低保申请书", 2), "clerk");
        await archive.AddDocumentAsync(id, Samples.PngUpload("身份证扫描件"), "clerk");
        await archive.AddDocumentAsync(id, Samples.PdfUpload("入户调查表"), "clerk");
        await archive.SealAsync(id, "档案员王五");
        return (archive, id);
    }

    private static async Task<byte[]> ExportAsync(CaseArchive archive, string id)
    {
        using var ms = new MemoryStream();
        await ExportPackage.WriteAsync(archive, id, ms, "exporter");
        return ms.ToArray();
    }

    private static byte[] Read(ZipArchive zip, string name)
    {
        using var s = (zip.GetEntry(name) ?? throw new Xunit.Sdk.XunitException($"no entry {name}")).Open();
        using var ms = new MemoryStream();
        s.CopyTo(ms);
        return ms.ToArray();
    }

    [Theory, MemberData(nameof(StoreKinds.All), MemberType = typeof(StoreKinds))]
    public async Task The_package_holds_every_object_the_signed_manifest_and_its_XML_rendition(string kind)
    {
        var (archive, id) = await SealedCaseAsync(kind);
        using var zip = new ZipArchive(new MemoryStream(await ExportAsync(archive, id)));

        var names = zip.Entries.Select(e => e.FullName).ToHashSet();
        Assert.Superset(new HashSet<string> { "documents/0001.pdf", "documents/0002.png", "documents/0003.pdf",
            "manifest.json", "manifest.sig", "manifest.xml", "public-key.pem", "package.json", "events/00000001.json" }, names);
        Assert.Equal(3, names.Count(n => n.StartsWith("documents/")));
        Assert.Equal(5, names.Count(n => n.StartsWith("events/")));   // opened, 3 documents, sealed

        // The signature verifies with the packaged public key alone (what a receiving archive has).
        var manifestBytes = Read(zip, "manifest.json");
        var key = SealSigner.FromPublicPem(Encoding.ASCII.GetString(Read(zip, "public-key.pem")));
        Assert.True(key.Verify(manifestBytes, Convert.FromBase64String(Encoding.ASCII.GetString(Read(zip, "manifest.sig")).Trim())));
        Assert.Equal((await archive.ReadSealAsync(id)).ManifestBytes, manifestBytes);

        // Every digest in the signed manifest matches its entry's bytes.
        var manifest = ArchiveJson.Read<SealedManifest>(manifestBytes, "manifest");
        var index = ArchiveJson.Read<PackageIndex>(Read(zip, "package.json"), "index");
        Assert.Equal(ContentDigest.Sha256Hex(manifestBytes), index.ManifestSha256);
        Assert.Equal(3, manifest.Documents.Count);
        foreach (var doc in manifest.Documents)
        {
            var path = index.Documents.Single(e => e.No == doc.No).Path;
            var bytes = Read(zip, path);
            Assert.Equal(doc.Sha256, ContentDigest.Sha256Hex(bytes));
            Assert.Equal(doc.Sm3, ContentDigest.Sm3Hex(bytes));
            Assert.Equal(doc.Size, bytes.Length);
        }

        // The XML parses and tells the same story.
        var xml = XDocument.Parse(Encoding.UTF8.GetString(Read(zip, "manifest.xml")));
        Assert.Equal("电子文件封装包", xml.Root!.Name.LocalName);
        var files = xml.Descendants("文件实体").Where(e => (string?)e.Attribute("聚合层次") == "文件").ToList();
        Assert.Equal(3, files.Count);
        foreach (var (doc, el) in manifest.Documents.Zip(files))
        {
            Assert.Equal(doc.Title, el.Element("内容描述")!.Element("题名")!.Value);
            Assert.Equal(doc.No.ToString(), el.Element("档号")!.Element("件号")!.Value);
            Assert.Equal(doc.Sha256, el.Descendants("数字摘要").Single(d => (string?)d.Attribute("算法") == "SHA-256").Value);
            Assert.Equal(doc.Sm3, el.Descendants("数字摘要").Single(d => (string?)d.Attribute("算法") == "SM3").Value);
            Assert.Equal(doc.Size.ToString(), el.Descendants("计算机文件大小").Single().Value);
            Assert.NotNull(zip.GetEntry(el.Descendants("计算机文件名").Single().Value));
        }
        Assert.Equal("张三 最低生活保障审核确认", xml.Descendants("文件实体").First().Element("内容描述")!.Element("题名")!.Value);
        Assert.Equal(Convert.ToBase64String((await archive.ReadSealAsync(id)).Signature), xml.Descendants("签名结果").Single().Value);
        Assert.DoesNotContain("110105194912310029", xml.ToString());
        Assert.Contains((await archive.ReadAccessLogAsync(id)), e => e.Action == "export");
    }

    [Theory, MemberData(nameof(StoreKinds.All), MemberType = typeof(StoreKinds))]
    public async Task An_open_case_is_not_exported(string kind)
    {
        var archive = fx.Archive(kind);
        var id = ArchiveFixture.NewCaseId("exo");
        await archive.OpenCaseAsync(Samples.Metadata(id), "clerk");
        await Assert.ThrowsAsync<InvalidOperationException>(() => ExportAsync(archive, id));
    }

    [Fact]
    public async Task A_damaged_object_stops_the_export()
    {
        var archive = fx.Archive("local");
        var id = ArchiveFixture.NewCaseId("exd");
        await archive.OpenCaseAsync(Samples.Metadata(id), "clerk");
        var doc = await archive.AddDocumentAsync(id, Samples.PdfUpload("申请书"), "clerk");
        await archive.SealAsync(id, "clerk");
        var path = fx.Local.PathOf(StoreArea.Vault, doc.Key);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var bytes = await File.ReadAllBytesAsync(path);
        bytes[^10] ^= 1;
        await File.WriteAllBytesAsync(path, bytes);

        var e = await Assert.ThrowsAsync<ArchiveCorruptException>(() => ExportAsync(archive, id));
        Assert.Contains("SHA-256", e.Message);
    }
}
