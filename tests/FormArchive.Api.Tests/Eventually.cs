namespace FormArchive.Tests.Api;

/// <summary>
/// The service records a request's metrics after it has sent the response, so a client can read /metrics before
/// its previous request is counted. Reads again until the figures have caught up (or a few seconds have passed,
/// and the caller's assertions then fail on what was read last).
/// </summary>
internal static class Eventually
{
    public static async Task<T> ReadAsync<T>(Func<Task<T>> read, Func<T, bool> caughtUp)
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        var value = await read();
        while (!caughtUp(value) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
            value = await read();
        }
        return value;
    }
}
