using FormArchive.Archive.Access;
using UglyToad.PdfPig;
using static FormArchive.Tests.Api.CaseApi;

namespace FormArchive.Tests.Api;

/// <summary>A service configured with its units' fonds settings on the command line.</summary>
public sealed class FondsApiServer : ApiServer
{
    protected override Task<string[]> SettingsAsync() => Task.FromResult<string[]>([
        "--FormArchive:Fonds:Units:秋浦街道:FondsName=池州市贵池区秋浦街道办事处", "--FormArchive:Fonds:Units:秋浦街道:FondsCode=J012",
        "--FormArchive:Fonds:Units:秋浦街道:CatalogNo=3", "--FormArchive:Fonds:Units:秋浦街道:RetentionPeriod=永久",
    ]);
}

/// <summary>FormArchive:Fonds reaches new cases (保管期限) and the printed cover (全宗, 目录号).</summary>
public sealed class FondsApiTests(FondsApiServer server) : IClassFixture<FondsApiServer>
{
    [Fact]
    public async Task A_new_case_takes_the_unit_s_retention_and_its_cover_the_unit_s_fonds()
    {
        var clerk = server.ClientFor(Role.Clerk, Township);
        var caseId = await CreateAsync(clerk);
        var withOwn = NewCase();
        withOwn["retentionPeriod"] = "10年";
        var ownId = await CreateAsync(clerk, withOwn);

        var archivist = server.ClientFor(Role.Archivist);
        using var doc = PdfDocument.Open(await archivist.GetByteArrayAsync($"/api/cases/{caseId}/dossier"));
        var cover = string.Concat(doc.GetPage(1).Text.Where(c => !char.IsWhiteSpace(c)));
        var view = await GetJsonAsync(archivist, $"/api/cases/{caseId}");
        var fileNumber = (string?)view["fileNumber"] ?? caseId;   // the clerk's own number, else the case id
        Assert.Contains($"全宗号目录号案卷号J0123{fileNumber}", cover);   // the 档号 box: heads, then values
        Assert.Equal($"J012-3-{fileNumber}", (string?)view["archivalCode"]);   // the case view gives the 档号 the cover prints
        // … and so does search, for each case it finds.
        var search = await archivist.PostAsync("/api/cases/search", Json(new System.Text.Json.Nodes.JsonObject { ["township"] = Township, ["limit"] = 10000 }));
        var rows = System.Text.Json.Nodes.JsonNode.Parse(await search.Content.ReadAsStringAsync())!.AsArray();
        Assert.Equal($"J012-3-{fileNumber}", (string?)rows.Single(r => (string)r!["caseId"]! == caseId)!["archivalCode"]);
        Assert.Contains("全宗名称：池州市贵池区秋浦街道办事处", cover);
        Assert.Contains("保管期限：永久", cover);
        using var own = PdfDocument.Open(await archivist.GetByteArrayAsync($"/api/cases/{ownId}/dossier"));
        Assert.Contains("保管期限：10年", string.Concat(own.GetPage(1).Text.Where(c => !char.IsWhiteSpace(c))));   // the clerk's choice stands
    }
}
