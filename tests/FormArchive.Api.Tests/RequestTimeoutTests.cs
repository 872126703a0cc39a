using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using FormArchive.Api.Work;
using FormArchive.Archive.Access;
using Microsoft.Extensions.DependencyInjection;
using static FormArchive.Tests.Api.CaseApi;

namespace FormArchive.Tests.Api;

/// <summary>The service with one-second and two-second time limits and a queue that would wait half a minute.</summary>
public sealed class ShortTimeoutApiServer : ApiServer
{
    protected override Task<string[]> SettingsAsync() => Task.FromResult<string[]>([
        "--FormArchive:RequestTimeoutSeconds=1", "--FormArchive:LongRequestTimeoutSeconds=2",
        "--FormArchive:MaxQueuedWork=8", "--FormArchive:MaxQueueWaitSeconds=30",
    ]);
}

public sealed class RequestTimeoutTests(ShortTimeoutApiServer server) : IClassFixture<ShortTimeoutApiServer>
{
    [Fact]
    public async Task Requests_over_their_time_limit_get_504_problems_are_audited_and_file_nothing()
    {
        var clerk = server.ClientFor(Role.Clerk, Township);
        var caseId = await CreateAsync(clerk);
        var gate = server.App.Services.GetRequiredService<WorkGate>();
        var held = new List<IDisposable>();
        for (int i = 0; i < gate.MaxConcurrent; i++) held.Add((await gate.TryEnterAsync(CancellationToken.None))!);
        try
        {
            // Both wait in the queue (which would let them wait 30 s) until their time limit stops them.
            var watch = Stopwatch.StartNew();
            var render = await server.Client.PostAsync("/api/forms/chizhou.acceptance-notice/render", null);
            var renderSeconds = watch.Elapsed.TotalSeconds;
            Assert.Equal(HttpStatusCode.GatewayTimeout, render.StatusCode);
            Assert.Equal("application/problem+json", render.Content.Headers.ContentType!.MediaType);
            Assert.Contains("1 秒", (string)JsonNode.Parse(await render.Content.ReadAsStringAsync())!["detail"]!);
            Assert.InRange(renderSeconds, 0.9, 10);

            watch.Restart();
            var upload = await clerk.PostAsync($"/api/cases/{caseId}/scans", Scans(("scan-0000.jpg", CorpusScan(), "image/jpeg")));
            Assert.Equal(HttpStatusCode.GatewayTimeout, upload.StatusCode);
            Assert.InRange(watch.Elapsed.TotalSeconds, 1.9, 12); // uploads have the long limit
            Assert.Equal(0, gate.Waiting);
        }
        finally
        {
            foreach (var h in held) h.Dispose();
        }

        Assert.Equal(1, await DocumentCountAsync(clerk, caseId)); // only the case data
        var audit = JsonNode.Parse(await server.ClientFor(Role.Archivist).GetStringAsync($"/api/audit?caseId={caseId}"))!.AsArray();
        Assert.Contains(audit, e => (string)e!["action"]! == "case.upload" && (int)e["status"]! == 504);
        Assert.Equal(HttpStatusCode.OK, (await server.Client.PostAsync("/api/forms/chizhou.acceptance-notice/render", null)).StatusCode);
    }
}
