namespace FormArchive.Api.Work;

/// <summary>Every work slot taken and the queue full: 503 with Retry-After (<see cref="Http.DomainProblems"/>).</summary>
public sealed class WorkGateFullException(int maxConcurrent, int retryAfterSeconds)
    : Exception($"all {maxConcurrent} work slots are taken and the queue is full")
{
    public int MaxConcurrent { get; } = maxConcurrent;
    public int RetryAfterSeconds { get; } = retryAfterSeconds;
}
