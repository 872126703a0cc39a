
namespace FormArchive.Archive.Storage;

/// <summary>
/// The embedded default: a folder with <c>vault/</c> and <c>journal/</c>. Every write goes to a hidden
/// temporary file first and is then moved into place, so readers never see half a file; create-if-absent
/// links the temporary file under its final name (link(2), which fails atomically if the name exists), which makes the
/// journal append safe across threads and processes on this machine.
/// </summary>
public sealed class LocalArchiveStore : IArchiveStore
{
    private readonly string _root;

    public LocalArchiveStore(string root)
    {
        _root = Path.GetFullPath(root);
        Directory.CreateDirectory(Path.Combine(_root, "vault"));
        Directory.CreateDirectory(Path.Combine(_root, "journal"));
    }

    public string Root => _root;
    public string Description => "local:" + _root;

    /// <summary>The file behind a key (tests use it to tamper with objects as an intruder would).</summary>
    public string PathOf(StoreArea area, string key) =>
        Path.Combine(_root, AreaFolder(area), StoreKeys.Check(key).Replace('/', Path.DirectorySeparatorChar));

    public async Task<bool> TryCreateAsync(StoreArea area, string key, ReadOnlyMemory<byte> data, CancellationToken ct = default)
    {
        var path = PathOf(area, key);
        if (File.Exists(path)) return false;
        var tmp = await WriteTempAsync(path, data, ct);
        try
        {
            CrashPoint.Reach("store.temp");
            return HardLink.TryCreate(tmp, path);
        }
        finally
        {
            File.Delete(tmp);
        }
    }

    public async Task PutAsync(StoreArea area, string key, ReadOnlyMemory<byte> data, CancellationToken ct = default)
    {
        var path = PathOf(area, key);
        var tmp = await WriteTempAsync(path, data, ct);
        try
        {
            File.Move(tmp, path, overwrite: true);
        }
        finally
        {
            File.Delete(tmp);
        }
    }

    public async Task<byte[]?> GetAsync(StoreArea area, string key, CancellationToken ct = default)
    {
        try
        {
            return await File.ReadAllBytesAsync(PathOf(area, key), ct);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    public Task<IReadOnlyList<StoredItem>> ListAsync(StoreArea area, string prefix, CancellationToken ct = default)
    {
        StoreKeys.CheckPrefix(prefix);
        var areaRoot = Path.Combine(_root, AreaFolder(area));
        // Start from the deepest folder the prefix names, then filter by the full prefix.
        int slash = prefix.LastIndexOf('/');
        var start = slash < 0 ? areaRoot : Path.Combine(areaRoot, prefix[..slash]);
        var items = new List<StoredItem>();
        if (Directory.Exists(start))
        {
            foreach (var file in new DirectoryInfo(start).EnumerateFiles("*", SearchOption.AllDirectories))
            {
                if (file.Name.StartsWith('.')) continue; // temporary files of writes in progress
                var key = Path.GetRelativePath(areaRoot, file.FullName).Replace(Path.DirectorySeparatorChar, '/');
                if (key.StartsWith(prefix, StringComparison.Ordinal)) items.Add(new StoredItem(key, file.Length));
            }
        }
        items.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        return Task.FromResult<IReadOnlyList<StoredItem>>(items);
    }

    public Task DeleteAsync(StoreArea area, string key, CancellationToken ct = default)
    {
        File.Delete(PathOf(area, key));
        return Task.CompletedTask;
    }

    public Task RetainAsync(string key, RetentionPolicy policy, DateTimeOffset until, CancellationToken ct = default)
    {
        // A local folder cannot enforce retention against its owner; read-only at least stops accidents.
        var path = PathOf(StoreArea.Vault, key);
        if (File.Exists(path) && !OperatingSystem.IsWindows())
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        return Task.CompletedTask;
    }

    public Task<int> RemoveAbandonedTempFilesAsync(StoreArea area, string prefix, CancellationToken ct = default)
    {
        StoreKeys.CheckPrefix(prefix);
        var areaRoot = Path.Combine(_root, AreaFolder(area));
        int slash = prefix.LastIndexOf('/');
        var start = slash < 0 ? areaRoot : Path.Combine(areaRoot, prefix[..slash]);
        int removed = 0;
        if (!Directory.Exists(start)) return Task.FromResult(0);
        foreach (var file in new DirectoryInfo(start).EnumerateFiles(".*", SearchOption.AllDirectories))
        {
            if (!TempFileName.IsAbandoned(file.Name, file.LastWriteTimeUtc)) continue;
            try { file.Delete(); removed++; }
            catch (IOException) { } // gone already or in use: the next repair looks again
        }
        return Task.FromResult(removed);
    }

    private static async Task<string> WriteTempAsync(string path, ReadOnlyMemory<byte> data, CancellationToken ct)
    {
        var dir = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(dir);
        var tmp = Path.Combine(dir, TempFileName.For(Path.GetFileName(path)));
        await using (var fs = new FileStream(tmp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
        {
            await fs.WriteAsync(data, ct);
            await fs.FlushAsync(ct);
            fs.Flush(flushToDisk: true);
        }
        return tmp;
    }

    private static string AreaFolder(StoreArea area) => area == StoreArea.Vault ? "vault" : "journal";
}
