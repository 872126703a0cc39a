using System.Text.Json.Nodes;
using FormArchive.Casework;
using FormArchive.Casework.Stages;
using static FormArchive.Tests.Approval.ApprovalSigners;
using static FormArchive.Tests.Casework.CaseFixtures;

namespace FormArchive.Tests.Approval;

/// <summary>
/// Who signed, for which unit, and the county's first month, taken from the case log into a form's data
/// (<see cref="StageFormFields"/>): filled where the data leaves them out, refused where it says otherwise.
/// </summary>
public class StageFormSignersTests
{
    private static JsonObject Boxes() => new() { ["town_opinion"] = new JsonObject(), ["county_opinion"] = new JsonObject(), ["approval"] = new JsonObject() };

    [Fact]
    public void A_county_confirmation_fills_both_boxes_and_the_notice_with_the_countys_bureau()
    {
        var data = Boxes();
        var filled = StageFormFields.Fill(data, ConfirmedByCounty());
        Assert.Equal(["town_opinion.date", "county_opinion.date", "approval.date", "town_opinion.handler", "town_opinion.office_head",
            "county_opinion.handler", "county_opinion.head", "approval.unit", "county_opinion.start_month"], filled);
        Assert.Equal(("王五", "周八", "2024-03-06"), ((string)data["town_opinion"]!["handler"]!, (string)data["town_opinion"]!["office_head"]!,
            (string)data["town_opinion"]!["date"]!));
        Assert.Equal(("孙七", "钱十", "2024-03-18", "2024-04"), ((string)data["county_opinion"]!["handler"]!, (string)data["county_opinion"]!["head"]!,
            (string)data["county_opinion"]!["date"]!, (string)data["county_opinion"]!["start_month"]!));
        Assert.Equal(("池州市贵池区民政局", "2024-03-18"), ((string)data["approval"]!["unit"]!, (string)data["approval"]!["date"]!));
    }

    [Fact]
    public void A_delegated_confirmation_leaves_the_county_box_blank_and_names_the_township()
    {
        var data = Boxes();
        StageFormFields.Fill(data, ConfirmedByTownship());
        Assert.Equal(("王五", "周八"), ((string)data["town_opinion"]!["handler"]!, (string)data["town_opinion"]!["office_head"]!));
        Assert.Empty(data["county_opinion"]!.AsObject()); // no date, no names, no month: the county decided nothing
        Assert.Equal("秋浦街道", (string)data["approval"]!["unit"]!);
    }

    [Fact]
    public void What_the_log_has_not_signed_stays_blank()
    {
        // The opinion given, not yet countersigned: the 经办人员 only.
        var data = Boxes();
        StageFormFields.Fill(data, SignedThroughPublicity().Take(4).ToList());
        Assert.Equal("王五", (string)data["town_opinion"]!["handler"]!);
        Assert.Null(data["town_opinion"]!["office_head"]);
        Assert.Null(data["approval"]!["unit"]);

        // Steps recorded before people signed: the dates as before, no names.
        var unsigned = Boxes();
        StageFormFields.Fill(unsigned, [.. ThroughPublicity("2024-03-04", "2024-03-04", "2024-03-05", "2024-03-06", "2024-03-07"),
            E(CaseEventKind.Confirmed, "2024-03-18", CaseOutcome.Approved)]);
        Assert.Equal(["date"], unsigned["town_opinion"]!.AsObject().Select(p => p.Key));
        Assert.Equal(["date"], unsigned["county_opinion"]!.AsObject().Select(p => p.Key));
        Assert.Equal(["date"], unsigned["approval"]!.AsObject().Select(p => p.Key)); // the notice's date is the decision's
    }

    [Fact]
    public void A_name_unit_or_month_the_log_contradicts_is_refused_and_one_that_agrees_is_kept()
    {
        string Refused(JsonObject data, List<CaseEvent> events) => Assert.Throws<CaseworkException>(() => StageFormFields.Fill(data, events)).Message;

        var handler = Refused(new JsonObject { ["town_opinion"] = new JsonObject { ["handler"] = "张三" } }, ConfirmedByCounty());
        Assert.Equal("表格数据 town_opinion.handler 为 张三，与办理记录中“初审意见”的签名人 王五 不一致；请删去该姓名（将按办理记录填写）或更正。", handler);
        Assert.Contains("与办理记录中审签“审核确认”的负责人 钱十 不一致",
            Refused(new JsonObject { ["county_opinion"] = new JsonObject { ["head"] = "周八" } }, ConfirmedByCounty()));
        Assert.Contains("但办理记录中“初审意见”尚未经负责人审签",
            Refused(new JsonObject { ["town_opinion"] = new JsonObject { ["office_head"] = "周八" } }, SignedThroughPublicity().Take(4).ToList()));
        Assert.Contains("与办理记录中“审核确认”的签署单位 秋浦街道 不一致",
            Refused(new JsonObject { ["approval"] = new JsonObject { ["unit"] = "池州市贵池区民政局" } }, ConfirmedByTownship()));
        Assert.Contains("与办理记录中“审核确认”的起始月份 2024-04 不一致",
            Refused(new JsonObject { ["county_opinion"] = new JsonObject { ["start_month"] = "2024-05" } }, ConfirmedByCounty()));

        // The unit written in full, the month as a day, the names as recorded: kept as given.
        var agreeing = new JsonObject
        {
            ["approval"] = new JsonObject { ["unit"] = "池州市贵池区秋浦街道办事处" },
            ["town_opinion"] = new JsonObject { ["handler"] = "王五", ["office_head"] = " 周八 " },
        };
        Assert.Equal(["town_opinion.date", "approval.date"], StageFormFields.Fill(agreeing, ConfirmedByTownship()));
        Assert.Equal("池州市贵池区秋浦街道办事处", (string)agreeing["approval"]!["unit"]!);
        Assert.Empty(StageFormTerms.Fill(new JsonObject { ["county_opinion"] = new JsonObject { ["start_month"] = "2024-04-01" } }, ConfirmedByCounty()));
    }

    [Fact]
    public void A_rejection_names_the_unit_that_rejected_the_county_or_the_township_at_its_opinion()
    {
        List<CaseEvent> county = [.. SignedThroughPublicity(), S(CaseEventKind.Submitted, "2024-03-15", Wang),
            S(CaseEventKind.Confirmed, "2024-03-18", CountyClerk, CaseOutcome.Rejected), S(CaseEventKind.Countersigned, "2024-03-19", CountyHead)];
        var data = new JsonObject { ["rejection"] = new JsonObject(), ["approval"] = new JsonObject(), ["county_opinion"] = new JsonObject() };
        StageFormFields.Fill(data, county);
        Assert.Equal("池州市贵池区民政局", (string)data["rejection"]!["unit"]!);
        Assert.Null(data["approval"]!["unit"]); // no 批准 to name
        Assert.Empty(data["county_opinion"]!.AsObject()); // the box only agrees: a 不予批准 is not written in it

        List<CaseEvent> early = [.. SignedThroughPublicity().Take(3), S(CaseEventKind.PreliminaryOpinion, "2024-03-06", Wang, CaseOutcome.Rejected)];
        var notice = new JsonObject { ["rejection"] = new JsonObject() };
        StageFormFields.Fill(notice, early);
        Assert.Equal("秋浦街道", (string)notice["rejection"]!["unit"]!);
    }
}
