namespace FormArchive.Casework;

/// <summary>The level of government a unit belongs to: the township that accepts and reviews, or the county that approves.</summary>
public enum ApprovalLevel
{
    /// <summary>乡镇人民政府（街道办事处）.</summary>
    Township,
    /// <summary>县（区）民政局.</summary>
    County,
}

public static class ApprovalLevels
{
    public static string Label(this ApprovalLevel level) => level == ApprovalLevel.Township ? "乡镇（街道）" : "县（区）民政局";
}
