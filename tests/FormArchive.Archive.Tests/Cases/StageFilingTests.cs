using FormArchive.Archive.Cases;
using FormArchive.Archive.Storage;
using FormArchive.Archive.Tests.Infrastructure;

namespace FormArchive.Archive.Tests.Cases;

/// <summary>
/// A document filed for a step and the step naming it (<see cref="CaseArchive.FileForStageAsync"/>): a step refused
/// before filing files nothing; one refused after its document was filed (another instance wrote between the two
/// entries) leaves the document filed and names it. Both stores.
/// </summary>
[Collection("archive")]
public sealed class StageFilingTests(ArchiveFixture fx)
{
    private static StageRecord Step(string kind, int? document = null) => new()
    {
        Kind = kind, Actor = "张三", At = DateTimeOffset.Parse("2024-02-19T10:00:00+08:00", System.Globalization.CultureInfo.InvariantCulture),
        Documents = document is { } no ? [no] : null,
    };

    [Theory, MemberData(nameof(StoreKinds.All), MemberType = typeof(StoreKinds))]
    public async Task The_document_is_filed_and_named_by_the_step(string kind)
    {
        var archive = fx.Archive(kind);
        var id = ArchiveFixture.NewCaseId("stf");
        await archive.OpenCaseAsync(Samples.Metadata(id), "clerk");
        await archive.AddDocumentAsync(id, Samples.PdfUpload("案件数据"), "clerk");
        var asked = new List<int>();
        var (m, filed) = await archive.FileForStageAsync(id, Samples.PdfUpload("审核公示单"), (current, no) =>
        {
            asked.Add(no);
            return Step("PublicityStarted", no);
        }, "clerk");
        Assert.Equal([2, 2], asked); // before filing, then for the step, the same 件号
        Assert.Equal((2, "审核公示单"), (filed.No, filed.Title));
        Assert.Equal([2], Assert.Single(m.Stages).Documents!);
        Assert.Equal(m.Seq, (await fx.Archive(kind).GetManifestAsync(id)).Seq);
    }

    [Theory, MemberData(nameof(StoreKinds.All), MemberType = typeof(StoreKinds))]
    public async Task A_step_refused_before_filing_files_nothing(string kind)
    {
        var archive = fx.Archive(kind);
        var id = ArchiveFixture.NewCaseId("stf");
        await archive.OpenCaseAsync(Samples.Metadata(id), "clerk");
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => archive.FileForStageAsync(id, Samples.PdfUpload("审核公示单"),
            (_, _) => throw new InvalidOperationException("公示已记录"), "clerk"));
        Assert.Equal("公示已记录", refused.Message);
        var m = await fx.Archive(kind).GetManifestAsync(id);
        Assert.Equal((0, 0, 1L), (m.Documents.Count, m.Stages.Count, m.Seq));
        Assert.Empty(await fx.Store(kind).ListAsync(StoreArea.Vault, CaseKeys.Objects(id)));
    }

    [Theory, MemberData(nameof(StoreKinds.All), MemberType = typeof(StoreKinds))]
    public async Task A_step_refused_after_its_document_was_filed_leaves_the_document_and_names_it(string kind)
    {
        var (mine, other) = (fx.Archive(kind), fx.Archive(kind)); // two API servers on one store
        var id = ArchiveFixture.NewCaseId("stf");
        await mine.OpenCaseAsync(Samples.Metadata(id), "clerk");
        var calls = 0;
        var thrown = await Assert.ThrowsAsync<StageRefusedAfterFilingException>(() => mine.FileForStageAsync(id, Samples.PdfUpload("审核公示单"), (current, no) =>
        {
            switch (++calls)
            {
                case 1: return Step("PublicityStarted", no);
                case 2:
                    // Between the document's entry and the step's, the other server records the step first.
                    other.AppendStageAsync(id, _ => Step("PublicityStarted"), "clerk-2").GetAwaiter().GetResult();
                    return Step("PublicityStarted", no);
                default:
                    Assert.Single(current.Stages);
                    throw new InvalidOperationException("不能记录“公示”：公示已记录。");
            }
        }, "clerk"));
        Assert.Equal(3, calls);
        Assert.Equal((id, 1, "审核公示单"), (thrown.CaseId, thrown.Document.No, thrown.Document.Title));
        Assert.StartsWith("不能记录“公示”：公示已记录。（为该环节打印的表格已归档为案卷 " + id + " 第 1 件“审核公示单”", thrown.Message);
        Assert.IsType<InvalidOperationException>(thrown.InnerException);

        // Nothing filed is lost: the document stays, with its object; the step recorded is the other server's.
        var m = await fx.Archive(kind).GetManifestAsync(id);
        Assert.Equal(thrown.Document.Sha256, Assert.Single(m.Documents).Sha256);
        Assert.Null(Assert.Single(m.Stages).Documents);
        Assert.Single(await fx.Store(kind).ListAsync(StoreArea.Vault, CaseKeys.Objects(id)));
    }
}
