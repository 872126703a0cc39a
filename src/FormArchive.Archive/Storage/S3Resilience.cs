using System.Net.Sockets;
using Minio.Exceptions;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace FormArchive.Archive.Storage;

/// <summary>
/// Retry (exponential backoff with jitter) around a circuit breaker around a per-attempt timeout. Only
/// transient failures are retried or counted by the breaker; "not found", "access denied" and "precondition
/// failed" are answers, not faults.
/// </summary>
internal static class S3Resilience
{
    public static ResiliencePipeline Build(S3StoreOptions o)
    {
        var transient = new PredicateBuilder().Handle<Exception>(IsTransient);
        var builder = new ResiliencePipelineBuilder();
        if (o.MaxRetries > 0)
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = transient,
                MaxRetryAttempts = o.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = o.RetryBaseDelay,
                MaxDelay = TimeSpan.FromSeconds(10),
            });
        return builder
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                ShouldHandle = transient,
                FailureRatio = o.BreakerFailureRatio,
                MinimumThroughput = Math.Max(2, o.BreakerMinimumThroughput),
                SamplingDuration = TimeSpan.FromSeconds(30),
                BreakDuration = o.BreakDuration,
            })
            .AddTimeout(o.AttemptTimeout)
            .Build();
    }

    public static bool IsTransient(Exception e)
    {
        for (var x = e; x is not null; x = x.InnerException)
        {
            switch (x)
            {
                case ObjectNotFoundException or BucketNotFoundException or PreconditionFailedException
                    or AccessDeniedException or ForbiddenException or VersionDeletedException or BrokenCircuitException:
                    return false;
                case HttpRequestException or IOException or SocketException or TimeoutRejectedException
                    or ConnectionException or InternalServerException:
                    return true;
                case MinioException m when m.Message.Contains("SlowDown", StringComparison.Ordinal)
                    || m.Message.Contains("ServiceUnavailable", StringComparison.Ordinal)
                    || m.Message.Contains("InternalError", StringComparison.Ordinal):
                    return true;
            }
        }
        return false;
    }
}
