using System.Net;
using FormArchive.Archive.Access;
using FormArchive.Casework;
using FormArchive.Casework.Stages;
using FormArchive.Tests.Api;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;
using static FormArchive.Tests.Api.CaseApi;
using static FormArchive.Tests.Casework.SignedSteps;

namespace FormArchive.Tests.Integrity;

/// <summary>GET /api/cases/{id}/verify judges a sealed case's sign-offs against the service's key register. Local-disk store.</summary>
public sealed class SignOffVerifyEndpointTests(ApiServer server) : SignOffVerifyEndpointSuite(server), IClassFixture<ApiServer>;

/// <summary>The same with the service filing into S3 (Ceph RGW).</summary>
[Collection(S3ApiCollection.Name)]
public sealed class SignOffVerifyEndpointS3Tests(S3ApiServer server) : SignOffVerifyEndpointSuite(server);

/// <summary>The verify endpoint's sign-off rows, run on each store, each test in a township of its own.</summary>
public abstract class SignOffVerifyEndpointSuite(ApiServer server)
{
    private readonly string _township = "验签镇" + Guid.NewGuid().ToString("N")[..6];
    private readonly HttpClient _archivist = server.ClientFor(Role.Archivist);
    private ApiKeyStore Keys => server.App.Services.GetRequiredService<ApiKeyStore>();

    /// <summary>A case of the township, its steps recorded by the service's procedure, then sealed over HTTP.</summary>
    private async Task<string> SealedCaseAsync(IEnumerable<CaseEvent> steps)
    {
        var clerk = server.ClientFor(Role.Clerk, _township);
        var id = await CreateAsync(clerk);
        var procedure = server.App.Services.GetRequiredService<CaseProcedure>();
        foreach (var e in steps) await procedure.RecordAsync(id, e, e.Actor);
        Assert.Equal(HttpStatusCode.OK, (await clerk.PostAsync($"/api/cases/{id}/seal", null)).StatusCode);
        return id;
    }

    [Fact]
    public async Task A_case_signed_by_the_right_people_passes_and_a_handler_countersigning_as_head_is_named_in_the_pdf()
    {
        var (_, wang) = TownshipPerson(Keys, "王五", _township);
        var (_, zhou) = TownshipPerson(Keys, "周八", _township, Post.Head);
        var good = await SealedCaseAsync(ConfirmedByTheTownship(wang, zhou));
        var report = await GetJsonAsync(_archivist, $"/api/cases/{good}/verify");
        Assert.True((bool)report["passed"]!, report.ToJsonString());
        var signers = report["checks"]!.AsArray().Where(c => (string)c!["name"]! == "签署人与密钥登记一致").ToList();
        Assert.Equal(10, signers.Count);
        Assert.All(signers, s => Assert.True((bool)s!["passed"]!));
        Assert.Equal(zhou.KeyId, (string)signers[5]!["keyId"]!); // the key id is for programs: in the JSON only

        var bad = await SealedCaseAsync([
            .. ThroughPublicity(zhou),
            Signed(CaseEventKind.Countersigned, "2024-03-08", wang with { Post = Post.Head }),
        ]);
        var json = await GetJsonAsync(_archivist, $"/api/cases/{bad}/verify");
        Assert.False((bool)json["passed"]!);
        var failed = Assert.Single(json["checks"]!.AsArray(), c => c!["passed"] is { } p && !(bool)p);
        Assert.Equal(("负责人审签（2024年3月8日）", wang.KeyId), ((string)failed!["subject"]!, (string)failed["keyId"]!));

        var response = await _archivist.GetAsync($"/api/cases/{bad}/verify?format=pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        var text = string.Concat(pdf.GetPages().Select(p => p.Text));
        Assert.Contains("结论：未通过", text);
        Assert.Contains("密钥登记中王五是经办人，记录为负责人", text);
        Assert.Contains("负责人审签须由负责人作出，王五是经办人", text);
        Assert.DoesNotContain(wang.KeyId, text);
    }
}
