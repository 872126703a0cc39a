using System.Diagnostics;
using System.Text;
using FormArchive.Archive;
using FormArchive.Archive.Storage;
using FormArchive.Testing;

namespace FormArchive.Tests.Integrity;

/// <summary>
/// One archive (data folder, and a bucket on Ceph RGW for the S3 store) that the real formarchive program
/// works on in child processes, and that the test opens in-process to look at afterwards.
/// </summary>
internal sealed class ArchiveProcess
{
    private readonly S3StoreOptions? _s3;
    private static readonly RetentionPolicy Retention = new(RetentionMode.Governance, 1);

    public ArchiveProcess(CephRgw? ceph)
    {
        DataDirectory = Directory.CreateTempSubdirectory("formarchive-crash-").FullName;
        if (ceph is not null)
            _s3 = new S3StoreOptions { Endpoint = ceph.Endpoint, AccessKey = ceph.AccessKey, SecretKey = ceph.SecretKey, Bucket = "fa-crash-" + Guid.NewGuid().ToString("N")[..12] };
    }

    public string DataDirectory { get; }

    /// <summary>More environment for the child process (FORMARCHIVE_FONDS …).</summary>
    public Dictionary<string, string> Environment { get; } = new();
    public string ArchiveFolder => Path.Combine(DataDirectory, "archive");
    public bool OnS3 => _s3 is not null;

    public Task<ArchiveHost> OpenAsync() => ArchiveHost.OpenAsync(DataDirectory, _s3, retention: Retention);

    /// <summary>
    /// Runs formarchive with <paramref name="args"/>. With <paramref name="crashAt"/>, the program stops at that
    /// step and is killed there with SIGKILL (kill -9); the exit code is then null.
    /// </summary>
    public async Task<(int? ExitCode, string Output)> RunAsync(string? crashAt, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "formarchive.dll"));
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["FORMARCHIVE_DATA"] = DataDirectory;
        start.Environment["FORMARCHIVE_RETENTION_MODE"] = "GOVERNANCE";
        start.Environment["FORMARCHIVE_RETENTION_YEARS"] = "1";
        foreach (var name in new[] { "FORMARCHIVE_S3_ENDPOINT", "FORMARCHIVE_S3_ACCESS_KEY", "FORMARCHIVE_S3_SECRET_KEY", "FORMARCHIVE_S3_BUCKET" })
            start.Environment.Remove(name);
        if (_s3 is not null)
        {
            start.Environment["FORMARCHIVE_S3_ENDPOINT"] = _s3.Endpoint;
            start.Environment["FORMARCHIVE_S3_ACCESS_KEY"] = _s3.AccessKey;
            start.Environment["FORMARCHIVE_S3_SECRET_KEY"] = _s3.SecretKey;
            start.Environment["FORMARCHIVE_S3_BUCKET"] = _s3.Bucket;
        }
        start.Environment.Remove("FORMARCHIVE_FONDS");
        foreach (var (name, value) in Environment) start.Environment[name] = value;
        if (crashAt is not null) start.Environment[CrashPoint.Variable] = crashAt;

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start formarchive");
        var output = new StringBuilder();
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (output) output.AppendLine(e.Data);
            if (e.Data.StartsWith(CrashPoint.Announcement, StringComparison.Ordinal)) reached.TrySetResult();
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var exited = process.WaitForExitAsync();
        var first = await Task.WhenAny(reached.Task, exited, Task.Delay(TimeSpan.FromSeconds(90)));
        if (first == reached.Task)
        {
            process.Kill(); // SIGKILL: no finally blocks, no flushing, as a power cut
            await process.WaitForExitAsync();
            return (null, output.ToString());
        }
        if (first != exited)
        {
            process.Kill(true);
            throw new TimeoutException("formarchive " + string.Join(' ', args) + " did not finish:\n" + output);
        }
        await process.WaitForExitAsync(); // drains the output
        lock (output) return (process.ExitCode, output.ToString());
    }

    /// <summary>Temporary files anywhere in the local store (none on S3).</summary>
    public IReadOnlyList<string> TempFiles() =>
        Directory.Exists(ArchiveFolder)
            ? Directory.EnumerateFiles(ArchiveFolder, ".*.tmp", SearchOption.AllDirectories).ToList()
            : [];
}
