using FormArchive.Archive.Cases;
using FormArchive.Archive.Storage;
using FormArchive.Archive.Tests.Infrastructure;

namespace FormArchive.Archive.Tests.Storage;

/// <summary>
/// Retries and the circuit breaker against the real RGW, with failures injected in the HTTP pipeline of
/// the Minio client (the server is real; only chosen requests are cut, as a flaky network would).
/// </summary>
[Collection("archive")]
public sealed class S3ResilienceTests(ArchiveFixture fx)
{
    private async Task<(S3ArchiveStore Store, FaultInjectingHandler Faults)> FlakyStoreAsync(Func<HttpRequestMessage, bool> fail, int failures, int retries = 3)
    {
        var faults = new FaultInjectingHandler(fail, failures);
        var store = await S3ArchiveStore.OpenAsync(fx.S3Options! with
        {
            HttpHandler = faults,
            MaxRetries = retries,
            RetryBaseDelay = TimeSpan.FromMilliseconds(20),
            BreakerMinimumThroughput = 1000,
        });
        return (store, faults);
    }

    [S3Fact]
    public async Task Transient_failures_are_retried_until_they_pass()
    {
        var (store, faults) = await FlakyStoreAsync(r => r.Method == HttpMethod.Put, failures: 2);
        var archive = new CaseArchive(store, fx.Signer);
        var id = ArchiveFixture.NewCaseId("retry");
        faults.Arm();
        await archive.OpenCaseAsync(Samples.Metadata(id), "clerk");
        var doc = await archive.AddDocumentAsync(id, Samples.PdfUpload("申请书"), "clerk");
        Assert.Equal(2, faults.Injected);
        Assert.Equal(1, doc.No);
        Assert.NotNull(await fx.S3!.GetAsync(StoreArea.Vault, doc.Key));
    }

    [S3Fact]
    public async Task A_write_that_finally_fails_leaves_no_entry_pointing_at_a_missing_object()
    {
        var (store, faults) = await FlakyStoreAsync(r => r.Method == HttpMethod.Put && r.RequestUri!.AbsolutePath.Contains("/objects/"), failures: int.MaxValue, retries: 2);
        var archive = new CaseArchive(store, fx.Signer);
        var id = ArchiveFixture.NewCaseId("fail");
        await archive.OpenCaseAsync(Samples.Metadata(id), "clerk");
        faults.Arm();
        var e = await Assert.ThrowsAsync<ArchiveStorageException>(() => archive.AddDocumentAsync(id, Samples.PdfUpload("申请书"), "clerk"));
        Assert.Equal(3, faults.Injected); // first attempt + 2 retries
        Assert.Contains("HttpRequestException", e.Message);
        var fresh = await fx.Archive("s3").GetManifestAsync(id);
        Assert.Empty(fresh.Documents);
        Assert.Equal(1, fresh.Seq);
    }

    [S3Fact]
    public async Task The_circuit_opens_after_repeated_failures_and_fails_fast()
    {
        var faults = new FaultInjectingHandler(_ => true, int.MaxValue);
        var store = await S3ArchiveStore.OpenAsync(fx.S3Options! with
        {
            HttpHandler = faults,
            MaxRetries = 0,
            BreakerMinimumThroughput = 4,
            BreakerFailureRatio = 0.5,
            BreakDuration = TimeSpan.FromSeconds(30),
        });
        faults.Arm();
        for (int i = 0; i < 4; i++)
            await Assert.ThrowsAsync<ArchiveStorageException>(() => store.GetAsync(StoreArea.Journal, "cases/none/x"));
        int before = faults.Injected;
        var e = await Assert.ThrowsAsync<ArchiveStorageException>(() => store.GetAsync(StoreArea.Journal, "cases/none/x"));
        Assert.Contains("circuit open", e.Message);
        Assert.Equal(before, faults.Injected); // no request was sent
    }
}

/// <summary>Cuts the first N matching requests (once armed) with an HttpRequestException, as a dropped connection would.</summary>
public sealed class FaultInjectingHandler(Func<HttpRequestMessage, bool> matches, int failures) : DelegatingHandler(new SocketsHttpHandler())
{
    private int _injected;
    private volatile bool _armed;

    public int Injected => Volatile.Read(ref _injected);

    public void Arm() => _armed = true;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        if (_armed && matches(request))
        {
            if (Interlocked.Increment(ref _injected) <= failures) throw new HttpRequestException("injected connection reset");
            Interlocked.Decrement(ref _injected);
        }
        return base.SendAsync(request, ct);
    }
}
