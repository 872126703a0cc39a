using System.Text;
using FormArchive.Archive.Cases;
using FormArchive.Archive.Storage;
using FormArchive.Archive.Tests.Infrastructure;
using FormArchive.Archive.Verify;

namespace FormArchive.Archive.Tests.Verify;

/// <summary>
/// 4.3 访问日志齐全 means more than "some entry exists" (sealing writes one itself): every entry is readable, and a
/// sealed case's log still holds the entry of its sealing. On both stores.
/// </summary>
[Collection("archive")]
public sealed class AccessLogCheckTests(ArchiveFixture fx)
{
    private async Task<(CaseArchive Archive, string Id)> SealedAndReadAsync(string kind)
    {
        var archive = fx.Archive(kind);
        var id = ArchiveFixture.NewCaseId("acc");
        await archive.OpenCaseAsync(Samples.Metadata(id), "clerk");
        await archive.AddDocumentAsync(id, Samples.PdfUpload("申请书"), "clerk");
        await archive.SealAsync(id, "王五");
        await archive.GetDocumentAsync(id, 1, "赵六"); // a read after sealing: the log holds more than the seal's entry
        return (archive, id);
    }

    private static async Task<CheckResult> AccessCheckAsync(CaseArchive archive, string id)
    {
        var report = await new CaseVerifier(archive).VerifyAsync(id, "auditor");
        return Assert.Single(report.Checks, c => c.Name == "访问日志齐全");
    }

    [Theory, MemberData(nameof(StoreKinds.All), MemberType = typeof(StoreKinds))]
    public async Task A_sound_log_passes_with_the_seal_entry_named(string kind)
    {
        var (archive, id) = await SealedAndReadAsync(kind);
        var check = await AccessCheckAsync(archive, id);
        Assert.True(check.Passed, check.Detail);
        Assert.Equal("4.3", check.Item);
        Assert.Equal("共 2 条记录，含封存时的记录", check.Detail);
    }

    [Theory, MemberData(nameof(StoreKinds.All), MemberType = typeof(StoreKinds))]
    public async Task Losing_the_seal_entry_fails_though_other_entries_remain(string kind)
    {
        var (archive, id) = await SealedAndReadAsync(kind);
        var entries = await archive.Store.ListAsync(StoreArea.Journal, CaseKeys.Access(id));
        var log = await archive.ReadAccessLogAsync(id);
        Assert.Equal(2, entries.Count);
        foreach (var item in entries)
            if (Encoding.UTF8.GetString((await archive.Store.GetAsync(StoreArea.Journal, item.Key))!).Contains("\"seal\""))
                await archive.Store.DeleteAsync(StoreArea.Journal, item.Key);

        var check = await AccessCheckAsync(archive, id);
        Assert.False(check.Passed);
        Assert.Equal("共 1 条记录，缺少封存时的记录", check.Detail);
        Assert.Contains(log, e => e.Action == "seal" && e.Actor == "王五");
    }

    [Theory, MemberData(nameof(StoreKinds.All), MemberType = typeof(StoreKinds))]
    public async Task A_seal_entry_by_someone_else_does_not_count(string kind)
    {
        var (archive, id) = await SealedAndReadAsync(kind);
        foreach (var item in await archive.Store.ListAsync(StoreArea.Journal, CaseKeys.Access(id)))
        {
            var text = Encoding.UTF8.GetString((await archive.Store.GetAsync(StoreArea.Journal, item.Key))!);
            if (text.Contains("\"seal\"")) await archive.Store.PutAsync(StoreArea.Journal, item.Key, Encoding.UTF8.GetBytes(text.Replace("王五", "李四")));
        }
        Assert.False((await AccessCheckAsync(archive, id)).Passed);
    }

    [Theory, MemberData(nameof(StoreKinds.All), MemberType = typeof(StoreKinds))]
    public async Task An_unreadable_entry_fails(string kind)
    {
        var (archive, id) = await SealedAndReadAsync(kind);
        await archive.Store.PutAsync(StoreArea.Journal, CaseKeys.Access(id) + "29991231T000000-garbled.json", "{not json"u8.ToArray());
        var check = await AccessCheckAsync(archive, id);
        Assert.False(check.Passed);
        Assert.Equal("1 条记录无法读取", check.Detail);
    }

    [Fact]
    public async Task An_open_case_needs_no_entry_yet()
    {
        var archive = fx.Archive("local");
        var id = ArchiveFixture.NewCaseId("acc");
        await archive.OpenCaseAsync(Samples.Metadata(id), "clerk");
        var check = await AccessCheckAsync(archive, id);
        Assert.True(check.Passed, check.Detail);
        Assert.Equal("案卷未封存，尚无访问记录", check.Detail);
    }
}
