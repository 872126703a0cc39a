using System.Net;
using FormArchive.Archive.Access;

namespace FormArchive.Tests.Api;

/// <summary>
/// The service on a real Ceph RGW that goes away: a request that needs the store answers 503 档案存储不可用 in
/// Chinese, without the store's address or object keys. Its own server (the shared S3 one stays up for the others).
/// </summary>
public class ArchiveStoreOutageTests
{
    [Fact]
    public async Task A_store_that_cannot_be_reached_is_503_档案存储不可用()
    {
        var server = new S3ApiServer("formarchive-ceph-outage-test");
        await server.InitializeAsync();
        try
        {
            // With an outside server (FORMARCHIVE_S3_ENDPOINT) there is nothing of ours to stop: the test would prove nothing.
            Assert.True(server.Ceph.Started, "needs a Ceph RGW of its own to stop; unset FORMARCHIVE_S3_ENDPOINT");
            var clerk = server.ClientFor(Role.Clerk, CaseApi.Township);
            server.Ceph.Dispose(); // scripts/ceph-rgw.sh stop
            var response = await clerk.GetAsync("/api/cases/NO-SUCH-CASE");
            var body = await response.Content.ReadAsStringAsync();
            var problem = await ProblemAssert.ChineseAsync(response, HttpStatusCode.ServiceUnavailable);
            Assert.Equal("档案存储不可用", (string)problem["title"]!);
            Assert.DoesNotContain(server.Ceph.Endpoint, body);
            Assert.DoesNotContain("cases/", body);
        }
        finally
        {
            await server.DisposeAsync();
        }
    }
}
