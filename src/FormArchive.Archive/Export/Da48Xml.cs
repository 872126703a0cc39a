using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using FormArchive.Archive.Cases;
using FormArchive.Domain;

namespace FormArchive.Archive.Export;

/// <summary>
/// manifest.xml: the sealed manifest as an electronic-record package in the spirit of DA/T 48-2009
/// (基于XML的电子文件封装规范: 封装包 → 被签名对象 → 封装内容 → 文件实体块, then 电子签名块) with the
/// metadata element names of DA/T 46-2009 (文书类电子文件元数据: 档号, 题名, 责任者, 日期, 格式信息, 计算机文件名,
/// 计算机文件大小 …) plus 数字摘要 (SHA-256 and SM3). 全宗名称, 全宗号, 目录号, 案卷号, 保管期限 and 密级 are the
/// <see cref="ArchivalReference"/> the 案卷封面 prints, so cover and package never disagree; the server's case id
/// is the 电子文件号. Two deliberate departures: document bytes are ZIP entries
/// referenced by 计算机文件名 rather than base64 inside the XML, and the signature is the one made at sealing
/// over manifest.json (this XML is a rendition of that record, not separately signed). The ID number is
/// left out: it is not a DA/T 46 element and manifest.json already carries the case metadata.
/// </summary>
public static class Da48Xml
{
    public static byte[] Render(
        SealedManifest m, ArchivalReference reference, string manifestSha256, byte[] signature, IReadOnlyList<PackageEntry> entries, DateTimeOffset exportedAt)
    {
        var meta = m.Metadata;
        var byNo = entries.ToDictionary(e => e.No);
        var volume = new XElement("文件实体", new XAttribute("聚合层次", "案卷"),
            new XElement("来源", new XElement("全宗名称", reference.FondsName), new XElement("立档单位名称", meta.Agency)),
            new XElement("电子文件号", m.CaseId),
            new XElement("档号",
                new XElement("档号", reference.ArchivalCode),
                new XElement("全宗号", reference.FondsCode),
                new XElement("目录号", reference.CatalogNo),
                new XElement("案卷号", reference.FileNo),
                new XElement("卷次", meta.Volume),
                meta.SupplementOf is null ? null : new XElement("原卷电子文件号", meta.SupplementOf),
                new XElement("保管期限", reference.RetentionPeriod)),
            new XElement("内容描述",
                new XElement("题名", meta.Title),
                new XElement("责任者", meta.Agency),
                new XElement("密级", reference.Classification),
                new XElement("人名", meta.ApplicantName),
                new XElement("类别", meta.Category),
                new XElement("办理状态", meta.Status),
                new XElement("地点", string.Join(" ", new[] { meta.Township, meta.Village }.Where(s => s.Length > 0))),
                new XElement("起始日期", Date(meta.OpenedOn)),
                new XElement("终止日期", Date(meta.ClosedOn))),
            new XElement("形式特征", new XElement("件数", m.Documents.Count)),
            new XElement("封存",
                new XElement("封存时间", Time(m.SealedAt)),
                new XElement("封存人", m.SealedBy),
                new XElement("保留方式", m.RetentionMode),
                new XElement("保留截止", m.RetainUntil is { } u ? Time(u) : "")),
            m.Documents.Select(d => Document(reference, d, byNo[d.No])));

        var doc = new XDocument(new XDeclaration("1.0", "UTF-8", null),
            new XElement("电子文件封装包",
                new XElement("封装包格式描述", "本封装包参照 DA/T 48-2009《基于XML的电子文件封装规范》生成，元数据参照 DA/T 46-2009《文书类电子文件元数据方案》；文件数据以计算机文件名引用同一 ZIP 包中的条目。"),
                new XElement("版本", "2009"),
                new XElement("被签名对象",
                    new XElement("封装包类型", "原始型"),
                    new XElement("封装包类型描述", "封存时形成的电子案卷及其元数据，未经修改"),
                    new XElement("封装包创建时间", Time(exportedAt)),
                    new XElement("封装包创建单位", meta.Agency),
                    new XElement("封装内容", new XElement("文件实体块", volume))),
                new XElement("电子签名块",
                    new XElement("电子签名",
                        new XElement("签名标识符", m.KeyId),
                        new XElement("签名规则", $"{m.SignatureAlgorithm}，签名对象为 {ExportPackage.ManifestJson} 的全部字节（SHA-256 {manifestSha256}）"),
                        new XElement("签名时间", Time(m.SealedAt)),
                        new XElement("签名人", m.SealedBy),
                        new XElement("签名结果", Convert.ToBase64String(signature)),
                        new XElement("证书引用", ExportPackage.PublicKey),
                        new XElement("签名算法标识", m.SignatureAlgorithm)))));

        using var ms = new MemoryStream();
        using (var w = XmlWriter.Create(ms, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
            doc.Save(w);
        return ms.ToArray();
    }

    private static XElement Document(ArchivalReference reference, DocumentEntry d, PackageEntry entry) =>
        new("文件实体", new XAttribute("聚合层次", "文件"),
            new XElement("档号",
                new XElement("全宗号", reference.FondsCode), new XElement("目录号", reference.CatalogNo),
                new XElement("案卷号", reference.FileNo), new XElement("件号", d.No)),
            new XElement("内容描述",
                new XElement("题名", d.Title),
                new XElement("责任者", d.ResponsibleParty),
                d.DocNumber is null ? null : new XElement("文件编号", d.DocNumber),
                new XElement("日期", Date(d.Date))),
            new XElement("形式特征", new XElement("文件组合类型", "单件")),
            new XElement("文件数据",
                new XElement("文档",
                    new XElement("文档标识符", d.Sha256),
                    new XElement("文档序号", d.No),
                    new XElement("文档数据",
                        new XElement("编码",
                            new XElement("电子属性",
                                new XElement("格式信息", d.MediaType),
                                new XElement("计算机文件名", entry.Path),
                                new XElement("原始文件名", d.FileName),
                                new XElement("计算机文件大小", d.Size)),
                            new XElement("数字摘要", new XAttribute("算法", "SHA-256"), d.Sha256),
                            new XElement("数字摘要", new XAttribute("算法", "SM3"), d.Sm3),
                            d.DerivedFrom is null ? null : new XElement("源文件数字摘要", new XAttribute("算法", "SHA-256"), d.DerivedFrom))))),
            new XElement("归档", new XElement("归档时间", Time(d.AddedAt)), new XElement("归档人", d.AddedBy)));

    private static string Date(DateOnly? d) => d?.ToString("yyyyMMdd", CultureInfo.InvariantCulture) ?? "";

    private static string Time(DateTimeOffset t) => t.ToOffset(ChinaTime.Offset).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
