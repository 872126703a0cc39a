namespace FormArchive.Api.Work;

/// <summary>Runs heavy work through the <see cref="WorkGate"/>; when it is full, <see cref="WorkGateFullException"/> (503 + Retry-After).</summary>
public static class GatedWork
{
    public static async Task<TResult> RunAsync<TResult>(HttpContext http, Func<Task<TResult>> work)
    {
        var gate = http.RequestServices.GetRequiredService<WorkGate>();
        using var slot = await gate.TryEnterAsync(http.RequestAborted) ?? throw new WorkGateFullException(gate.MaxConcurrent, gate.RetryAfterSeconds);
        return await work();
    }
}
