namespace FormArchive.Ingest.Recognition;

/// <summary>What a scanned page is.</summary>
public enum DocumentType
{
    Other, IdCardFront, IdCardBack, HukouHome, HukouMember, HukouChanges, BankAccount, HardshipEvidence, ApplicationForm, EconomicCheckForm,
}

/// <summary>Keyword classification of OCR text; the clerk's hint wins, the classifier's disagreement is a warning.</summary>
public static class PageClassifier
{
    private static readonly (DocumentType Type, string[] Words)[] Rules =
    [
        (DocumentType.IdCardFront, ["公民身份号码", "姓名", "住址", "民族", "出生"]),
        (DocumentType.IdCardBack, ["签发机关", "有效期限", "居民身份证", "中华人民共和国"]),
        (DocumentType.HukouMember, ["常住人口登记卡", "户主或与户主关系", "与户主关系", "与户主关系", "曾用名", "籍贯", "服务处所", "兵役状况"]),
        (DocumentType.HukouHome, ["户口簿", "户别", "户主姓名", "户号", "户口登记机关"]),
        (DocumentType.HukouChanges, ["增减", "变更", "迁入", "迁出", "注销", "更正记录"]),
        (DocumentType.BankAccount, ["银行", "银联", "借记卡", "存折", "储蓄", "账号", "卡号", "DEBIT", "UnionPay"]),
        (DocumentType.HardshipEvidence, ["诊断证明", "住院", "费用结算", "在校证明", "残疾证", "家庭基本情况说明", "病历", "出院", "医院", "门诊", "诊断", "医师", "科室"]),
        (DocumentType.ApplicationForm, ["申请书", "救助申请"]),
        (DocumentType.EconomicCheckForm, ["经济状况核查", "核查表", "核对"]),
    ];

    private static readonly (DocumentType Type, string[] Words)[] Decisive =
    [
        (DocumentType.HukouMember, ["常住人口登记卡", "与户主关系", "曾用名", "籍贯", "服务处所", "兵役状况", "文化程度", "婚姻状况", "宗教信仰"]),
        (DocumentType.IdCardBack, ["签发机关", "有效期限"]),
        (DocumentType.HukouHome, ["户别", "户号", "户主姓名", "户口登记机关"]),
    ];

    /// <summary>The most text (characters, white space ignored) a card-sized document is taken to hold.</summary>
    public const int MaxCardText = 240;

    /// <summary>Hint names accepted on the command line.</summary>
    public static readonly IReadOnlyDictionary<string, DocumentType> Hints = new Dictionary<string, DocumentType>(StringComparer.OrdinalIgnoreCase)
    {
        ["id-front"] = DocumentType.IdCardFront, ["id-back"] = DocumentType.IdCardBack,
        ["hukou-home"] = DocumentType.HukouHome, ["hukou-member"] = DocumentType.HukouMember, ["hukou-changes"] = DocumentType.HukouChanges,
        ["bank"] = DocumentType.BankAccount, ["hardship"] = DocumentType.HardshipEvidence,
        ["application"] = DocumentType.ApplicationForm, ["economic-check"] = DocumentType.EconomicCheckForm, ["other"] = DocumentType.Other,
    };

    public static string HintName(DocumentType t) => Hints.First(h => h.Value == t).Key;

    /// <summary>The best-scoring type and its score (number of keywords found, plus evidence from numbers).</summary>
    public static (DocumentType Type, int Score) Classify(string text, bool hasValidIdNumber, bool hasBankNumber)
    {
        var compact = new string(text.Where(c => !char.IsWhiteSpace(c)).ToArray());
        // A card holds little text (a front about 80 characters): a page of prose is no card, whatever labels it quotes.
        bool cardSized = compact.Length <= MaxCardText;
        // Labels found on one kind of document only decide first (a 常住人口登记卡 also shows 姓名, 民族, 公民身份号码).
        var decisive = Decisive.Select(d => (d.Type, Hits: d.Words.Count(w => compact.Contains(w, StringComparison.Ordinal))))
            .Where(d => d.Hits > 0).OrderByDescending(d => d.Hits).ToList();
        // A photocopy of both sides of a card is filed as the front: its number is what the case needs.
        if (hasValidIdNumber && cardSized) decisive.RemoveAll(d => d.Type == DocumentType.IdCardBack);
        if (!cardSized) decisive.RemoveAll(d => d.Type == DocumentType.IdCardBack);
        if (decisive.Count > 0 && (decisive.Count == 1 || decisive[0].Hits > decisive[1].Hits))
            return (decisive[0].Type, decisive[0].Hits * 3);
        DocumentType best = DocumentType.Other;
        int bestScore = 0;
        foreach (var (type, words) in Rules)
        {
            // The first keyword of each rule is the document's own title or label: it weighs three.
            int score = words.Select((w, i) => compact.Contains(w, StringComparison.OrdinalIgnoreCase) ? (i == 0 ? 3 : 1) : 0).Sum();
            if (type == DocumentType.IdCardFront && hasValidIdNumber) score += 1;
            if (type == DocumentType.BankAccount && hasBankNumber) score += 2;
            if (type is DocumentType.IdCardFront or DocumentType.IdCardBack && !cardSized) score = 0;
            if (score > bestScore) { best = type; bestScore = score; }
        }
        // An ID front needs its number label or a valid number; a few shared words (姓名, 出生) alone are not enough.
        if (best == DocumentType.IdCardFront && !compact.Contains("身份号码") && !hasValidIdNumber && bestScore < 3) best = DocumentType.Other;
        return (best, bestScore);
    }
}
