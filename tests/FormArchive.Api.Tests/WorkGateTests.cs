using FormArchive.Api.Work;

namespace FormArchive.Tests.Api;

/// <summary>The work gate that bounds rendering, OCR and dossiers, without HTTP.</summary>
public class WorkGateTests
{
    [Fact]
    public async Task The_work_gate_admits_a_bounded_number_and_refuses_the_rest()
    {
        var gate = new WorkGate(maxConcurrent: 1, maxQueued: 1, maxWait: TimeSpan.FromMilliseconds(200));
        var first = await gate.TryEnterAsync(CancellationToken.None);
        Assert.NotNull(first);
        var queued = gate.TryEnterAsync(CancellationToken.None);     // waits in the one queue place
        Assert.Null(await gate.TryEnterAsync(CancellationToken.None)); // queue full: refused at once
        first.Dispose();
        var second = await queued;
        Assert.NotNull(second);
        Assert.Null(await gate.TryEnterAsync(CancellationToken.None)); // waited 200 ms, still busy
        second.Dispose();
        Assert.NotNull(await gate.TryEnterAsync(CancellationToken.None));
    }
}
