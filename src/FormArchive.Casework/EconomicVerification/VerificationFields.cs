using static FormArchive.Casework.EconomicVerification.VerificationFieldKind;

namespace FormArchive.Casework.EconomicVerification;

/// <summary>
/// The labels table of a 家庭经济状况核对 result as the county's 核对机构 posts it: every field's JSON name and its Chinese
/// label, in the order they are kept and shown. The request is read, its errors named, the result stored and shown
/// labelled from this one table (docs/verification-result.md prints it). The names are plain English camelCase with the
/// Chinese label beside them: MZ/T 073-2024 (居民家庭经济状况核对 数据元) defines the data elements of 核对 (5 大类,
/// 34 小类), but its element names and identifiers could not be read here, so none of them is claimed.
/// </summary>
public static class VerificationFields
{
    /// <summary>Whose row it is, in every list but 核对对象: a person checked, by ID number (or by name where the number is not given).</summary>
    public static readonly VerificationField OwnerName = new("name", "姓名", Text);
    public static readonly VerificationField OwnerIdNumber = new("idNumber", "公民身份号码", IdNumber);

    /// <summary>The report as a whole.</summary>
    public static readonly IReadOnlyList<VerificationField> Report =
    [
        new("reportNumber", "核对报告编号", Text),
        new("checkedOn", "核对日期", Date, Required: true),
        new("conclusion", "核对结论", LongText),
        new("householdMonthlyIncome", "家庭月收入（元）", Amount),
        new("perCapitaMonthlyIncome", "家庭月人均收入（元）", Amount),
    ];

    /// <summary>
    /// The persons checked: the household and, under 巴阳府发〔2021〕10号, every legal 赡养、抚养、扶养 obligor as well; the
    /// applicant among them. <c>inHousehold</c> is the service's own: whether the person is a member of the case's household.
    /// </summary>
    public static readonly VerificationSection Members = new("members", "核对对象",
    [
        new("name", "姓名", Text, Required: true),
        new("idNumber", "公民身份号码", IdNumber),
        new("relationship", "与申请人关系", Text),
    ]);

    /// <summary>The label of <c>inHousehold</c>, which the service adds to each person checked.</summary>
    public const string InHouseholdName = "inHousehold";
    public const string InHouseholdLabel = "共同生活家庭成员";

    public static readonly VerificationSection Incomes = Holding("incomes", "收入",
        new("type", "收入类型", Text, Required: true), new("source", "收入来源", Text), new("periodStart", "起始日期", Date),
        new("periodEnd", "截止日期", Date), new("amount", "金额（元）", Amount, Required: true));

    public static readonly VerificationSection RealEstate = Holding("realEstate", "不动产",
        new("location", "坐落", Text, Required: true), new("certificateNumber", "不动产权证号", Text), new("use", "用途", Text),
        new("area", "建筑面积（平方米）", Area), new("ownership", "共有情况", Text), new("registeredOn", "登记日期", Date));

    public static readonly VerificationSection Vehicles = Holding("vehicles", "机动车",
        new("plateNumber", "号牌号码", Text, Required: true), new("vehicleType", "车辆类型", Text), new("model", "品牌型号", Text),
        new("registeredOn", "初次登记日期", Date), new("value", "评估价值（元）", Amount));

    public static readonly VerificationSection FinancialAssets = Holding("financialAssets", "存款及金融资产",
        new("institution", "金融机构", Text, Required: true), new("type", "资产类型", Text), new("balance", "余额（元）", Amount, Required: true),
        new("asOf", "查询日期", Date));

    public static readonly VerificationSection Businesses = Holding("businesses", "工商登记",
        new("entityName", "市场主体名称", Text, Required: true), new("creditCode", "统一社会信用代码", CreditCode), new("role", "登记身份", Text),
        new("registeredCapital", "注册资本（出资额，元）", Amount), new("status", "登记状态", Text), new("establishedOn", "成立日期", Date));

    public static readonly VerificationSection OtherFindings = Holding("otherFindings", "其他核对信息",
        new("item", "核对项目", Text, Required: true), new("detail", "核对情况", LongText), new("amount", "金额（元）", Amount));

    /// <summary>The lists of what the persons checked have and earn, each row belonging to one of them.</summary>
    public static readonly IReadOnlyList<VerificationSection> Holdings = [Incomes, RealEstate, Vehicles, FinancialAssets, Businesses, OtherFindings];

    /// <summary>Every list, 核对对象 first.</summary>
    public static readonly IReadOnlyList<VerificationSection> Sections = [Members, .. Holdings];

    private static VerificationSection Holding(string name, string label, params VerificationField[] fields) =>
        new(name, label, [OwnerName, OwnerIdNumber, .. fields]);
}
