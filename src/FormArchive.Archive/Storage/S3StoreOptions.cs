namespace FormArchive.Archive.Storage;

/// <summary>Where the S3 store lives and how hard it tries.</summary>
public sealed record S3StoreOptions
{
    /// <summary>host:port, e.g. 127.0.0.1:7480.</summary>
    public required string Endpoint { get; init; }
    public required string AccessKey { get; init; }
    public required string SecretKey { get; init; }
    public bool UseSsl { get; init; }

    /// <summary>Vault bucket, created with object lock (hence versioned).</summary>
    public string Bucket { get; init; } = "formarchive";

    /// <summary>Journal bucket, unversioned so that <c>If-None-Match: *</c> is honoured. Default: Bucket + "-journal".</summary>
    public string? JournalBucket { get; init; }

    /// <summary>Retries after the first attempt of each request (exponential backoff with jitter).</summary>
    public int MaxRetries { get; init; } = 4;
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The circuit opens when this share of at least <see cref="BreakerMinimumThroughput"/> requests in 30 s failed.</summary>
    public double BreakerFailureRatio { get; init; } = 0.5;
    public int BreakerMinimumThroughput { get; init; } = 10;
    public TimeSpan BreakDuration { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Per-attempt timeout.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Optional HTTP handler (proxies, custom TLS, fault injection in tests).</summary>
    public HttpMessageHandler? HttpHandler { get; init; }

    public string Journal => JournalBucket ?? Bucket + "-journal";

    /// <summary>FORMARCHIVE_S3_ENDPOINT / _ACCESS_KEY / _SECRET_KEY / _BUCKET (as written by scripts/ceph-rgw.sh), or null.</summary>
    public static S3StoreOptions? FromEnvironment()
    {
        var endpoint = Environment.GetEnvironmentVariable("FORMARCHIVE_S3_ENDPOINT");
        if (string.IsNullOrEmpty(endpoint)) return null;
        return new S3StoreOptions
        {
            Endpoint = endpoint,
            AccessKey = Environment.GetEnvironmentVariable("FORMARCHIVE_S3_ACCESS_KEY") ?? "",
            SecretKey = Environment.GetEnvironmentVariable("FORMARCHIVE_S3_SECRET_KEY") ?? "",
            Bucket = Environment.GetEnvironmentVariable("FORMARCHIVE_S3_BUCKET") is { Length: > 0 } b ? b : "formarchive",
            UseSsl = Environment.GetEnvironmentVariable("FORMARCHIVE_S3_SSL") is "1" or "true",
        };
    }
}
