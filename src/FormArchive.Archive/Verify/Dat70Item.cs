namespace FormArchive.Archive.Verify;

/// <summary>
/// The DA/T 70-2018 检测项目 a check belongs to, numbered as the standard groups them: 1 真实性 (来源, 元数据,
/// 内容, 元数据与内容关联), 2 完整性 (数据总量, 元数据, 内容), 3 可用性 (元数据, 内容), 4 安全性 (病毒/恶意代码,
/// 保存过程). Only the items this archive can check are listed.
/// </summary>
public sealed record Dat70Item(string Number, CheckCategory Category, string Name)
{
    public static readonly Dat70Item SourceAuthenticity = new("1.1", CheckCategory.Authenticity, "电子档案来源真实性检测");
    public static readonly Dat70Item MetadataAccuracy = new("1.2", CheckCategory.Authenticity, "电子档案元数据准确性检测");
    public static readonly Dat70Item ContentAuthenticity = new("1.3", CheckCategory.Authenticity, "电子档案内容真实性检测");
    public static readonly Dat70Item MetadataContentLink = new("1.4", CheckCategory.Authenticity, "元数据与内容关联真实性检测");
    public static readonly Dat70Item DataTotal = new("2.1", CheckCategory.Integrity, "电子档案数据总量检测");
    public static readonly Dat70Item MetadataCompleteness = new("2.2", CheckCategory.Integrity, "电子档案元数据完整性检测");
    public static readonly Dat70Item ContentCompleteness = new("2.3", CheckCategory.Integrity, "电子档案内容完整性检测");
    public static readonly Dat70Item MetadataUsability = new("3.1", CheckCategory.Usability, "电子档案元数据可用性检测");
    public static readonly Dat70Item ContentUsability = new("3.2", CheckCategory.Usability, "电子档案内容可用性检测");
    public static readonly Dat70Item MaliciousCode = new("4.1", CheckCategory.Security, "病毒及恶意代码检测");
    public static readonly Dat70Item ProcessSecurity = new("4.3", CheckCategory.Security, "保存过程安全性检测");
}
