using System.Text.Json;
using System.Text.Json.Serialization;
using FormArchive.Casework;
using FormArchive.Domain;
using static FormArchive.Tests.Casework.CaseFixtures;

namespace FormArchive.Tests.Casework;

/// <summary>Stage events as stored: they survive JSON, and a status names its next deadline.</summary>
public class CaseEventTests
{
    [Fact]
    public void An_event_round_trips_through_json_and_its_day_stays_in_China_time()
    {
        var options = new JsonSerializerOptions { Converters = { new JsonStringEnumConverter() } };
        var e = new CaseEvent(CaseEventKind.Extended, "王五", new DateTimeOffset(2024, 2, 29, 23, 30, 0, ChinaTime.Offset))
        {
            Reason = "待补充住院票据",
            Staff = ["赵六"],
        };
        var json = JsonSerializer.Serialize(e, options);
        Assert.Contains("\"Extended\"", json);
        var back = JsonSerializer.Deserialize<CaseEvent>(json, options)!;
        Assert.Equal(e.At, back.At);
        Assert.Equal(e.Reason, back.Reason);
        Assert.Equal(["赵六"], back.Staff);
        Assert.Equal(D("2024-02-29"), back.Date);
        // the same instant written in UTC is still the 29th in China
        Assert.Equal(D("2024-02-29"), (back with { At = back.At.ToUniversalTime() }).Date);
    }

    [Fact]
    public void A_home_visit_with_null_staff_from_json_is_refused_not_crashed()
    {
        var json = """{ "Kind": "HomeVisited", "Actor": "张三", "At": "2024-02-08T10:00:00+08:00", "Staff": null }""";
        var visit = JsonSerializer.Deserialize<CaseEvent>(json, new JsonSerializerOptions { Converters = { new JsonStringEnumConverter() } })!;
        var log = new StageLog("N-1", "秋浦街道", [AssistanceCategory.Dibao], LocalRules.Chizhou, [E(CaseEventKind.Accepted, "2024-02-07")]);
        Assert.Contains("只记录了1名", Assert.Throws<CaseworkException>(() => log.Append(visit)).Message);
    }

    [Fact]
    public void Status_names_the_next_deadline()
    {
        var s = StageRules.Evaluate(Case("N-2", [E(CaseEventKind.Accepted, "2024-02-07")]), Calendar);
        Assert.Equal("初审意见", s.Next!.What);
        var done = StageRules.Evaluate(Case("N-3", ThroughPublicity("2024-02-07", "2024-02-08", "2024-02-09", "2024-02-20", "2024-02-21")), Calendar);
        Assert.Equal("审核确认", done.Next!.What);
        Assert.Empty(done.Overdue(D("2024-03-05")));
        Assert.Single(done.Overdue(D("2024-03-06")));
    }

    [Fact]
    public void The_timeline_reads_in_Chinese_and_China_time()
    {
        var events = ThroughPublicity("2024-02-07", "2024-02-08", "2024-02-09", "2024-02-20", "2024-02-21");
        events.Add(E(CaseEventKind.Extended, "2024-03-01", reason: "待补充住院票据"));
        var timeline = CaseTimeline.Of(Case("TL", events));
        Assert.Equal(["受理", "核对授权", "入户调查", "初审意见", "公示", "延期"], timeline.Select(t => t.What));
        Assert.Equal("张三、李四", timeline[2].Actor);
        Assert.Equal("批准", timeline[3].Outcome);
        Assert.Equal("待补充住院票据", timeline[5].Reason);
        Assert.Equal(new TimeOnly(10, 0), timeline[0].Time);
        var utc = new CaseEvent(CaseEventKind.Accepted, "张三", new DateTimeOffset(2024, 2, 6, 17, 30, 0, TimeSpan.Zero));
        var line = Assert.Single(CaseTimeline.Of(Case("TL2", [utc])));
        Assert.Equal((D("2024-02-07"), new TimeOnly(1, 30)), (line.Date, line.Time));
    }
}
