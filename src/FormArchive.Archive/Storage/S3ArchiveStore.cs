using System.Net;
using Minio;
using Minio.DataModel.Args;
using Minio.DataModel.ObjectLock;
using Minio.Exceptions;
using Polly;
using Polly.CircuitBreaker;

namespace FormArchive.Archive.Storage;

/// <summary>
/// The store on S3 (MinIO in production, Ceph RGW in tests) through the Minio SDK 7.0.0. The vault bucket is
/// created with object lock; the journal bucket is unversioned so that conditional creates work. Reads fetch
/// whole objects: <c>GetObject</c> with <c>WithOffsetAndLength</c> is broken in 7.0.0 and is never used.
/// </summary>
public sealed class S3ArchiveStore : IArchiveStore, IDisposable
{
    private readonly S3StoreOptions _options;
    private readonly IMinioClient _client;
    private readonly ResiliencePipeline _pipeline;

    private S3ArchiveStore(S3StoreOptions options)
    {
        _options = options;
        var client = new MinioClient().WithEndpoint(options.Endpoint).WithCredentials(options.AccessKey, options.SecretKey);
        if (options.UseSsl) client = client.WithSSL();
        if (options.HttpHandler is not null)
            client = client.WithHttpClient(new HttpClient(options.HttpHandler, disposeHandler: false), disposeHttpClient: true);
        _client = client.Build();
        _pipeline = S3Resilience.Build(options);
    }

    /// <summary>Connects and creates the two buckets when missing (the vault with object lock).</summary>
    public static async Task<S3ArchiveStore> OpenAsync(S3StoreOptions options, CancellationToken ct = default)
    {
        var store = new S3ArchiveStore(options);
        await store.EnsureBucketAsync(options.Bucket, objectLock: true, ct);
        await store.EnsureBucketAsync(options.Journal, objectLock: false, ct);
        return store;
    }

    public string Description => $"s3:{_options.Endpoint}/{_options.Bucket}";

    public async Task<bool> TryCreateAsync(StoreArea area, string key, ReadOnlyMemory<byte> data, CancellationToken ct = default)
    {
        StoreKeys.Check(key);
        if (area == StoreArea.Vault)
        {
            if (await ExistsAsync(_options.Bucket, key, ct)) return false;
            await PutAsync(area, key, data, ct);
            return true;
        }
        try
        {
            await Run(c => _client.PutObjectAsync(PutArgs(_options.Journal, key, data).WithNotMatchETag("*"), c), key, ct);
            return true;
        }
        catch (ArchiveStorageException e) when (e.InnerException is PreconditionFailedException)
        {
            // A retried request whose first attempt did land finds its own bytes: that is a success.
            var existing = await GetAsync(area, key, ct);
            return existing is not null && existing.AsSpan().SequenceEqual(data.Span);
        }
    }

    public Task PutAsync(StoreArea area, string key, ReadOnlyMemory<byte> data, CancellationToken ct = default) =>
        Run(c => _client.PutObjectAsync(PutArgs(BucketOf(area), StoreKeys.Check(key), data), c), key, ct);

    public async Task<byte[]?> GetAsync(StoreArea area, string key, CancellationToken ct = default)
    {
        StoreKeys.Check(key);
        try
        {
            return await Run(async c =>
            {
                using var buffer = new MemoryStream();
                await _client.GetObjectAsync(new GetObjectArgs().WithBucket(BucketOf(area)).WithObject(key)
                    .WithCallbackStream((s, token) => s.CopyToAsync(buffer, token)), c);
                return buffer.ToArray();
            }, key, ct);
        }
        catch (ArchiveStorageException e) when (e.InnerException is ObjectNotFoundException or VersionDeletedException)
        {
            return null;
        }
    }

    public Task<IReadOnlyList<StoredItem>> ListAsync(StoreArea area, string prefix, CancellationToken ct = default)
    {
        StoreKeys.CheckPrefix(prefix);
        return Run<IReadOnlyList<StoredItem>>(async c =>
        {
            var items = new List<StoredItem>();
            var args = new ListObjectsArgs().WithBucket(BucketOf(area)).WithPrefix(prefix).WithRecursive(true);
            await foreach (var item in _client.ListObjectsEnumAsync(args, c))
                if (!item.IsDir) items.Add(new StoredItem(item.Key, (long)item.Size));
            items.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
            return items;
        }, prefix, ct);
    }

    public Task DeleteAsync(StoreArea area, string key, CancellationToken ct = default) =>
        Run(c => _client.RemoveObjectAsync(new RemoveObjectArgs().WithBucket(BucketOf(area)).WithObject(StoreKeys.Check(key)), c), key, ct);

    public Task RetainAsync(string key, RetentionPolicy policy, DateTimeOffset until, CancellationToken ct = default) =>
        Run(c => _client.SetObjectRetentionAsync(new SetObjectRetentionArgs().WithBucket(_options.Bucket).WithObject(StoreKeys.Check(key))
            .WithRetentionMode(policy.Mode == RetentionMode.Compliance ? ObjectRetentionMode.COMPLIANCE : ObjectRetentionMode.GOVERNANCE)
            .WithRetentionUntilDate(until.UtcDateTime), c), key, ct);

    public void Dispose() => (_client as IDisposable)?.Dispose();

    private async Task EnsureBucketAsync(string bucket, bool objectLock, CancellationToken ct)
    {
        if (await Run(c => _client.BucketExistsAsync(new BucketExistsArgs().WithBucket(bucket), c), bucket, ct)) return;
        var args = new MakeBucketArgs().WithBucket(bucket);
        if (objectLock) args = args.WithObjectLock();
        try
        {
            await Run(c => _client.MakeBucketAsync(args, c), bucket, ct);
        }
        catch (ArchiveStorageException)
        {
            // Another instance may have created it in the meantime; otherwise the failure stands.
            if (!await Run(c => _client.BucketExistsAsync(new BucketExistsArgs().WithBucket(bucket), c), bucket, ct)) throw;
        }
    }

    private async Task<bool> ExistsAsync(string bucket, string key, CancellationToken ct)
    {
        try
        {
            await Run(c => _client.StatObjectAsync(new StatObjectArgs().WithBucket(bucket).WithObject(key), c), key, ct);
            return true;
        }
        catch (ArchiveStorageException e) when (e.InnerException is ObjectNotFoundException or VersionDeletedException)
        {
            return false;
        }
    }

    private static PutObjectArgs PutArgs(string bucket, string key, ReadOnlyMemory<byte> data) =>
        // A fresh stream per attempt: a retry must send the whole body again.
        new PutObjectArgs().WithBucket(bucket).WithObject(key).WithStreamData(new MemoryStream(data.ToArray(), writable: false))
            .WithObjectSize(data.Length).WithContentType("application/octet-stream");

    private string BucketOf(StoreArea area) => area == StoreArea.Vault ? _options.Bucket : _options.Journal;

    private Task Run(Func<CancellationToken, Task> action, string key, CancellationToken ct) =>
        Run(async c => { await action(c); return true; }, key, ct);

    private async Task<T> Run<T>(Func<CancellationToken, Task<T>> action, string key, CancellationToken ct)
    {
        try
        {
            return await _pipeline.ExecuteAsync(async c => await action(c), ct);
        }
        catch (BrokenCircuitException e)
        {
            throw new ArchiveStorageException($"S3 store {_options.Endpoint} unavailable (circuit open) for {key}", e);
        }
        catch (Exception e) when (e is MinioException or HttpRequestException or IOException or System.Net.Sockets.SocketException
                                      or Polly.Timeout.TimeoutRejectedException || (e is TaskCanceledException && !ct.IsCancellationRequested))
        {
            throw new ArchiveStorageException($"S3 store {_options.Endpoint}: {e.GetType().Name} for {key}: {FirstLine(e.Message)}", e);
        }
    }

    private static string FirstLine(string s) => s.Split('\n', 2)[0].Trim();
}
