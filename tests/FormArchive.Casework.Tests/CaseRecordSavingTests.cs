using System.Text.Json.Nodes;
using FormArchive.Archive.Cases;
using FormArchive.Casework.Opening;
using FormArchive.Tests.Api;
using Microsoft.Extensions.DependencyInjection;
using static FormArchive.Tests.Api.CaseApi;

namespace FormArchive.Tests.Casework;

/// <summary>
/// Casework's saving of the case data on the service's real disk archive: a version is a change, concurrent saves
/// each get their own consecutive version (title and all), invalid data and sealed cases file nothing.
/// </summary>
public sealed class CaseRecordSavingTests(ApiServer server) : IClassFixture<ApiServer>
{
    private CaseArchive Archive => server.App.Services.GetRequiredService<FormArchive.Archive.ArchiveHost>().Archive;
    private CaseRecordSaving Saving => server.App.Services.GetRequiredService<CaseRecordSaving>();
    private readonly string _township = "存档镇" + Guid.NewGuid().ToString("N")[..6];

    private async Task<string> OpenAsync() => (await CaseOpening.OpenAsync(Archive, new CaseApplication
    {
        Applicant = new CaseApplicant(CorpusName, CorpusIdNumber),
        Village = "杏花村",
        Categories = ["低保"],
        Members = [new CaseMember(CorpusName, CorpusIdNumber)],
    }, _township, "王五")).CaseId;

    private JsonObject Data(string economicStatus = "家中无存款，年收入约四千元") => new()
    {
        ["applicant"] = new JsonObject { ["name"] = CorpusName, ["id_number"] = CorpusIdNumber },
        ["categories"] = new JsonArray("最低生活保障"),
        ["township"] = _township,
        ["village"] = "杏花村",
        ["members"] = new JsonArray(new JsonObject { ["name"] = CorpusName, ["id_number"] = CorpusIdNumber, ["relationship"] = "本人" }),
        ["economic_status"] = economicStatus,
    };

    private async Task<IReadOnlyList<DocumentEntry>> RecordDocumentsAsync(string caseId) =>
        (await Archive.GetManifestAsync(caseId)).Documents.Where(d => d.FileName == CaseRecordVersions.FileName).ToList();

    [Fact]
    public async Task A_save_equal_to_the_newest_version_files_nothing_and_a_change_is_the_next_version()
    {
        var caseId = await OpenAsync();
        var first = await Saving.SaveAsync(Archive, caseId, Data().ToJsonString(), "王五");
        Assert.Equal((1, false), (first.Version, first.Unchanged));

        // The same data, keys in another order and an empty field added: nothing that a form shows has changed.
        var reordered = new JsonObject();
        foreach (var (k, v) in Data().Reverse()) reordered[k] = v?.DeepClone();
        reordered["hardship_reason"] = null;
        var same = await Saving.SaveAsync(Archive, caseId, reordered.ToJsonString(), "王五");
        Assert.Equal((1, true, first.DocumentNo), (same.Version, same.Unchanged, same.DocumentNo));
        Assert.Single(await RecordDocumentsAsync(caseId));

        var second = await Saving.SaveAsync(Archive, caseId, Data("年收入约三千元").ToJsonString(), "王五");
        Assert.Equal((2, false), (second.Version, second.Unchanged));
        var m = await Archive.GetManifestAsync(caseId);
        var versions = CaseRecordVersions.List(m);
        Assert.Equal([first.DocumentNo, second.DocumentNo], versions.Select(v => v.DocumentNo));
        Assert.Equal("家中无存款，年收入约四千元", (string)(await CaseRecordVersions.ReadAsync(Archive, m, versions[0], default))!["economic_status"]!);
        Assert.Equal("年收入约三千元", (string)(await CaseRecordVersions.ReadAsync(Archive, m, versions[1], default))!["economic_status"]!);
    }

    [Fact]
    public async Task Concurrent_saves_get_distinct_consecutive_versions_whose_titles_name_them()
    {
        var caseId = await OpenAsync();
        var saves = await Task.WhenAll(Enumerable.Range(1, 8).Select(i => Task.Run(() =>
            Saving.SaveAsync(Archive, caseId, Data($"年收入约 {i} 千元").ToJsonString(), "王五"))));
        Assert.Equal(Enumerable.Range(1, 8), saves.Select(s => s.Version).Order());
        Assert.All(saves, s => Assert.False(s.Unchanged));
        var documents = await RecordDocumentsAsync(caseId);
        Assert.Equal(8, documents.Count);
        // Each document's title says the version its place among them gives it.
        Assert.Equal(Enumerable.Range(1, 8).Select(v => CaseRecordVersions.Title(v)), documents.Select(d => d.Title));
        foreach (var s in saves) Assert.Equal(s.Version, documents.Select((d, i) => (d, i)).Single(x => x.d.No == s.DocumentNo).i + 1);

        // The same data saved at once from several places is one version, not several.
        var same = await Task.WhenAll(Enumerable.Range(1, 6).Select(_ => Task.Run(() =>
            Saving.SaveAsync(Archive, caseId, Data("同时保存的同一份数据").ToJsonString(), "王五"))));
        Assert.Single(same, s => !s.Unchanged);
        Assert.All(same, s => Assert.Equal(9, s.Version));
        Assert.Equal(9, (await RecordDocumentsAsync(caseId)).Count);
    }

    [Fact]
    public async Task A_sealed_case_and_invalid_data_are_refused_and_nothing_is_filed()
    {
        var caseId = await OpenAsync();
        var bad = Data();
        bad["members"]![0]!["id_number"] = "370202194004297734"; // check digit wrong
        var invalid = await Assert.ThrowsAsync<CaseRecordInvalidException>(() => Saving.SaveAsync(Archive, caseId, bad.ToJsonString(), "王五"));
        Assert.StartsWith("案件数据有 ", invalid.Message);
        Assert.Contains(invalid.Errors, e => e.Path.Contains("members[0]", StringComparison.Ordinal));
        Assert.Empty(await RecordDocumentsAsync(caseId));

        await Saving.SaveAsync(Archive, caseId, Data().ToJsonString(), "王五");
        await Archive.SealAsync(caseId, "王五");
        int before = (await Archive.GetManifestAsync(caseId)).Documents.Count;
        await Assert.ThrowsAsync<CaseSealedException>(() => Saving.SaveAsync(Archive, caseId, Data("封存后的修改").ToJsonString(), "王五"));
        Assert.Equal(before, (await Archive.GetManifestAsync(caseId)).Documents.Count);
    }
}
