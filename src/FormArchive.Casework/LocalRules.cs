namespace FormArchive.Casework;

/// <summary>Whose procedure governs a case's deadlines.</summary>
public enum LocalRules
{
    /// <summary>池民社救〔2024〕56号 (Chizhou, 一次申请、分类审核认定): working-day periods from 受理.</summary>
    Chizhou,
    /// <summary>巴阳府发〔2021〕10号 (Yunyang, Bayang town): monthly batches, 初核 by the 15th of the next month.</summary>
    Yunyang,
}
