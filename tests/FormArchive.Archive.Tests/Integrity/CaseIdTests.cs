using FormArchive.Archive.Cases;
using FormArchive.Archive.Storage;
using FormArchive.Archive.Tests.Infrastructure;

namespace FormArchive.Archive.Tests.Integrity;

/// <summary>Case ids: no trailing newline slips through, every case can have its 补充卷, a case opens with its first documents in one write.</summary>
[Collection("archive")]
public sealed class CaseIdTests(ArchiveFixture fx)
{
    [Theory]
    [InlineData("B-0001\n")]
    [InlineData("B-0001\r\n")]
    [InlineData("../B")]
    public void Ids_with_line_ends_or_dots_are_refused(string id) => Assert.Throws<ArgumentException>(() => CaseKeys.CheckId(id));

    [Fact]
    public async Task A_case_with_a_100_character_id_gets_its_supplement_volume()
    {
        var archive = fx.Archive("local");
        var id = ("L" + Guid.NewGuid().ToString("N") + new string('x', 100))[..100];
        await archive.OpenCaseAsync(Samples.Metadata(id), "clerk");
        await archive.AddDocumentAsync(id, Samples.PdfUpload("申请书"), "clerk");
        await archive.SealAsync(id, "leader");
        var v2 = await archive.OpenSupplementAsync(id, "clerk");
        Assert.Equal(id + "-V2", v2.CaseId);
        Assert.Equal((id, 2), (v2.Metadata.SupplementOf, v2.Metadata.Volume));
    }

    [Theory, MemberData(nameof(StoreKinds.All), MemberType = typeof(StoreKinds))]
    public async Task A_case_opens_with_its_first_documents_in_one_event(string kind)
    {
        var archive = fx.Archive(kind);
        var id = ArchiveFixture.NewCaseId("open1");
        var m = await archive.OpenCaseAsync(Samples.Metadata(id), "clerk", [Samples.PdfUpload("案件数据")]);
        Assert.Equal(1, m.Seq);
        Assert.Equal(1, m.Documents.Single().No);
        Assert.Single(await archive.Store.ListAsync(StoreArea.Journal, CaseKeys.Events(id)));
        // Opening the same id again files nothing and leaves the existing case's object in place.
        await Assert.ThrowsAsync<CaseExistsException>(() => fx.Archive(kind).OpenCaseAsync(Samples.Metadata(id), "clerk", [Samples.PdfUpload("案件数据")]));
        Assert.NotNull(await archive.Store.GetAsync(StoreArea.Vault, m.Documents[0].Key));
        Assert.Equal(m.Documents[0].Sha256, (await fx.Archive(kind).GetManifestAsync(id)).Documents.Single().Sha256);
    }
}
