
namespace FormArchive.Ingest.Recognition;

/// <summary>The Chinese name of each kind of scanned material: 题名 in the 卷内目录, labels in warnings and on the desk.</summary>
public static class DocumentTitles
{
    public static string Of(DocumentType type) => type switch
    {
        DocumentType.IdCardFront => "居民身份证（正面）",
        DocumentType.IdCardBack => "居民身份证（反面）",
        DocumentType.HukouHome => "户口簿首页",
        DocumentType.HukouMember => "户口簿常住人口登记卡",
        DocumentType.HukouChanges => "户口簿增减页",
        DocumentType.BankAccount => "银行账户（银行卡或存折）",
        DocumentType.HardshipEvidence => "困难证明材料",
        DocumentType.ApplicationForm => "申请书",
        DocumentType.EconomicCheckForm => "家庭经济状况核查表（授权书）",
        _ => "其他材料",
    };
}
