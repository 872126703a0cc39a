using System.Diagnostics;

namespace FormArchive.Archive.Tests.Infrastructure;

/// <summary>
/// Starts and stops the project's Ceph RGW (scripts/ceph-rgw.sh) on test ports, so that the S3 leg runs
/// against a real server. Uses an already-configured server instead when FORMARCHIVE_S3_ENDPOINT is set.
/// </summary>
internal sealed class CephRgw : IDisposable
{
    public const string Dir = "/tmp/formarchive-ceph-tests";
    public const string Port = "17480";
    public const string MonPort = "13300";

    private CephRgw(string endpoint, string access, string secret, bool started, TimeSpan startup)
    {
        Endpoint = endpoint;
        AccessKey = access;
        SecretKey = secret;
        Started = started;
        StartupTime = startup;
    }

    public string Endpoint { get; }
    public string AccessKey { get; }
    public string SecretKey { get; }
    public bool Started { get; }
    public TimeSpan StartupTime { get; }

    public static CephRgw Start()
    {
        if (Environment.GetEnvironmentVariable("FORMARCHIVE_S3_ENDPOINT") is { Length: > 0 } endpoint)
            return new CephRgw(endpoint, Environment.GetEnvironmentVariable("FORMARCHIVE_S3_ACCESS_KEY") ?? "",
                Environment.GetEnvironmentVariable("FORMARCHIVE_S3_SECRET_KEY") ?? "", started: false, TimeSpan.Zero);
        var watch = Stopwatch.StartNew();
        var (code, output) = Script("start", TimeSpan.FromMinutes(3));
        if (code != 0) throw new InvalidOperationException($"scripts/ceph-rgw.sh start failed ({code}): {output}");
        var env = File.ReadAllLines(Path.Combine(Dir, "env"))
            .Select(l => l.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
        return new CephRgw(env["FORMARCHIVE_S3_ENDPOINT"], env["FORMARCHIVE_S3_ACCESS_KEY"], env["FORMARCHIVE_S3_SECRET_KEY"], started: true, watch.Elapsed);
    }

    public void Dispose()
    {
        if (Started) Script("stop", TimeSpan.FromMinutes(1));
    }

    private static (int Code, string Output) Script(string verb, TimeSpan timeout)
    {
        var psi = new ProcessStartInfo("bash", [Path.Combine(RepoRoot(), "scripts", "ceph-rgw.sh"), verb])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        psi.Environment["CEPH_RGW_DIR"] = Dir;
        psi.Environment["CEPH_RGW_PORT"] = Port;
        psi.Environment["CEPH_MON_PORT"] = MonPort;
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(timeout))
        {
            p.Kill(entireProcessTree: true);
            return (-1, "timed out");
        }
        return (p.ExitCode, (stdout.Result + stderr.Result).Trim());
    }

    /// <summary>The checkout: above the test binaries, the working directory, or (with --artifacts-path) this source file.</summary>
    public static string RepoRoot([System.Runtime.CompilerServices.CallerFilePath] string source = "")
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory, Path.GetDirectoryName(source) ?? "" })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "FormArchive.sln"))) return dir.FullName;
        throw new InvalidOperationException("repository root (FormArchive.sln) not found above " + AppContext.BaseDirectory);
    }
}
