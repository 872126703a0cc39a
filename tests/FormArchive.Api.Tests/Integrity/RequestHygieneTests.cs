using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using FormArchive.Api.Audit;
using FormArchive.Api.Cases;
using FormArchive.Archive;
using FormArchive.Archive.Access;
using FormArchive.Archive.Cases;
using FormArchive.Archive.Storage;
using FormArchive.Tests.Api;
using Microsoft.Extensions.DependencyInjection;
using static FormArchive.Tests.Api.CaseApi;

namespace FormArchive.Tests.Integrity;

/// <summary>The issue's smaller items (point 9), each over real HTTP.</summary>
public sealed class RequestHygieneTests(ApiServer server) : IClassFixture<ApiServer>
{
    private readonly HttpClient _clerk = server.ClientFor(Role.Clerk, Township);

    private async Task<JsonNode> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!;
    }

    [Theory]
    [InlineData("members", "$.members")]
    [InlineData("categories", "$.categories")]
    public async Task A_null_list_is_a_400_naming_it_and_is_audited(string field, string path)
    {
        var data = NewCase();
        data[field] = null;
        var problem = await ProblemAsync(await _clerk.PostAsync("/api/cases", Json(data)), HttpStatusCode.BadRequest);
        Assert.Contains(problem["errors"]!.AsArray(), e => (string)e!["path"]! == path);
        var audit = server.App.Services.GetRequiredService<AuditLog>().Read(limit: 5);
        Assert.Contains(audit, e => e.Action == "case.create" && e.Status == 400);
    }

    [Fact]
    public async Task Huge_names_and_unknown_categories_are_refused()
    {
        var data = NewCase();
        data["applicant"]!["name"] = new string('x', 300_000); // 300,000 characters (ASCII: JSON would escape 张 to six bytes)
        data["categories"] = new JsonArray("随便什么");
        data["members"]!.AsArray().Add(new JsonObject { ["name"] = new string('李', 51), ["idNumber"] = CorpusIdNumber });
        var problem = await ProblemAsync(await _clerk.PostAsync("/api/cases", Json(data)), HttpStatusCode.BadRequest);
        var paths = problem["errors"]!.AsArray().Select(e => (string)e!["path"]!).ToList();
        Assert.Contains("$.applicant.name", paths);
        Assert.Contains("$.categories[0]", paths);
        Assert.Contains("$.members[1].name", paths);
    }

    [Fact]
    public async Task A_case_id_with_a_trailing_newline_is_refused_without_echoing_it()
    {
        var caseId = await CreateAsync(_clerk);
        var response = await _clerk.GetAsync($"/api/cases/{caseId}%0A");
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("cases/", body);
        Assert.Throws<ArgumentException>(() => CaseKeys.CheckId("B-0001\n"));
    }

    [Fact]
    public async Task A_request_body_that_trickles_in_gets_408_not_500()
    {
        // Kestrel's minimum data rate (240 bytes/s after a 5 s grace period) stops the read; the service answers 408.
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(server.BaseAddress.Host, server.BaseAddress.Port);
        var stream = tcp.GetStream();
        var key = ((string[])_clerk.DefaultRequestHeaders.GetValues(FormArchive.Api.Access.ApiKeyAuthentication.Header).ToArray())[0];
        var head = $"POST /api/cases HTTP/1.1\r\nHost: {server.BaseAddress.Authority}\r\nContent-Type: application/json\r\n"
                   + $"{FormArchive.Api.Access.ApiKeyAuthentication.Header}: {key}\r\nContent-Length: 100000\r\n\r\n{{";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        var reader = new StreamReader(stream, Encoding.UTF8);
        var readStatus = reader.ReadLineAsync();
        for (int i = 0; i < 30 && !readStatus.IsCompleted; i++)
        {
            await Task.Delay(500);
            try { await stream.WriteAsync(" "u8.ToArray()); } catch (IOException) { break; }
        }
        var status = await readStatus.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.StartsWith("HTTP/1.1 408", status);
    }

    [Fact]
    public async Task A_case_is_opened_with_its_household_in_one_write()
    {
        var caseId = await CreateAsync(_clerk);
        var host = server.App.Services.GetRequiredService<ArchiveHost>();
        var events = await host.Archive.Store.ListAsync(StoreArea.Journal, CaseKeys.Events(caseId));
        Assert.Single(events);
        var m = await host.Archive.GetManifestAsync(caseId);
        Assert.Equal(FormArchive.Casework.Filing.CaseHousehold.CaseDataFileName, m.Documents.Single().FileName);
    }
}

/// <summary>A temporary file left by a writer that was killed is removed when the service starts.</summary>
public sealed class StartupCleanupTests
{
    [Fact]
    public async Task Temporary_files_of_dead_writers_are_removed_at_start()
    {
        var data = Directory.CreateTempSubdirectory("formarchive-startup-").FullName;
        var folder = Path.Combine(data, "archive", "vault", "cases", "S-1", "objects");
        Directory.CreateDirectory(folder);
        using var gone = System.Diagnostics.Process.Start("true")!;
        gone.WaitForExit();
        var temp = Path.Combine(folder, $".{new string('a', 64)}.{gone.Id}.{Guid.NewGuid():N}.tmp");
        File.WriteAllText(temp, "half an object");
        var app = new RestartedApiServer(data);
        await app.InitializeAsync();
        try
        {
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (File.Exists(temp) && DateTime.UtcNow < deadline) await Task.Delay(50);
            Assert.False(File.Exists(temp));
        }
        finally
        {
            await app.DisposeAsync();
            Directory.Delete(data, recursive: true);
        }
    }
}
