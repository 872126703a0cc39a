namespace FormArchive.Api.Work;

/// <summary>
/// Bounds the CPU- and memory-heavy work (rendering, OCR, dossiers): at most <see cref="MaxConcurrent"/> run,
/// at most <see cref="MaxQueued"/> wait, each no longer than <see cref="MaxWait"/>. A request that finds the
/// queue full (or waits too long) is turned away — 503 with Retry-After — instead of piling up in memory.
/// </summary>
public sealed class WorkGate(int maxConcurrent, int maxQueued, TimeSpan maxWait)
{
    private readonly SemaphoreSlim _slots = new(maxConcurrent, maxConcurrent);
    private int _waiting;
    private long _rejected;

    public int MaxConcurrent { get; } = maxConcurrent;
    public int MaxQueued { get; } = maxQueued;
    public TimeSpan MaxWait { get; } = maxWait;

    /// <summary>Requests waiting for a slot now (the queue depth).</summary>
    public int Waiting => Math.Max(0, Volatile.Read(ref _waiting));

    /// <summary>Slots in use now.</summary>
    public int Running => MaxConcurrent - _slots.CurrentCount;

    /// <summary>Requests turned away (503) since start.</summary>
    public long Rejected => Interlocked.Read(ref _rejected);

    /// <summary>Seconds a turned-away client is told to wait.</summary>
    public int RetryAfterSeconds => Math.Max(1, (int)Math.Ceiling(MaxWait.TotalSeconds));

    /// <summary>A slot (dispose to release), or null when the work is refused.</summary>
    public async Task<IDisposable?> TryEnterAsync(CancellationToken ct)
    {
        if (_slots.Wait(0, CancellationToken.None)) return new Slot(_slots);
        if (Interlocked.Increment(ref _waiting) > MaxQueued)
        {
            Interlocked.Decrement(ref _waiting);
            Interlocked.Increment(ref _rejected);
            return null;
        }
        try
        {
            if (await _slots.WaitAsync(MaxWait, ct)) return new Slot(_slots);
            Interlocked.Increment(ref _rejected);
            return null;
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }
    }

    private sealed class Slot(SemaphoreSlim slots) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) slots.Release();
        }
    }
}
