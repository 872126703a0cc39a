namespace FormArchive.Casework;

/// <summary>The provisions each deadline rests on, quoted as the clerk cites them.</summary>
public static class LegalBasis
{
    public const string Chizhou = "池民社救〔2024〕56号";
    public const string Yunyang = "巴阳府发〔2021〕10号";

    public const string PreliminaryOpinion = Chizhou + "：自受理之日起7个工作日内提出初审意见，填写审核公示单（附件6）";
    public const string Publicity = Chizhou + "：在申请家庭所在村（社区）进行公示7天";
    public const string Confirmation = Chizhou + "：自受理之日起15个工作日内完成审核确认";
    public const string ConfirmationExtended = Chizhou + "：特殊情况下审核确认可以延长至25个工作日";
    public const string TemporaryAid = Chizhou + "：确认的特困人员、低保对象，在3个工作日内发放临时救助金";
    public const string BenefitStart = Chizhou + "：特困人员、低保对象从确认之日下月起发放保障金";
    public const string SystemEntry = Chizhou + "：低保边缘家庭、刚性支出困难家庭和其他低收入人口在5个工作日内录入社会救助大数据信息系统";
    public const string EarlyWarning = Chizhou + "：5个工作日内处置“预警监测”模块中的预警信息";
    public const string HomeVisitStaff = Yunyang + "：由乡镇组织2名以上（含2名）工作人员进行入户调查";
    public const string Delegated = Chizhou + " 附件3：低保、特困、临时救助为审核确认权限下放事项，由乡镇（街道）审核确认";
    public const string CountyConfirms = Chizhou + " 附件3：低保边缘、刚性支出困难等为审核事项，由县（区）民政局审核确认；民发〔2021〕57号：县级民政部门负责审核确认";
    public const string ConfirmationNational = "民发〔2021〕57号：审核确认工作应当自受理之日起15个工作日内完成";
    public const string ConfirmationNationalExtended = "民发〔2021〕57号：特殊情况下审核确认可以延长至25个工作日";
    public const string Online = Yunyang + "：乡镇初核完成后，通过信息管理系统提交至县民政局审批，不再接受纸质审批材料";
    public const string MonthlyBatch = Yunyang + "：新申请当月15日前提交资料，民政办于下月15号前完成初核并提交县民政局审批";
}
