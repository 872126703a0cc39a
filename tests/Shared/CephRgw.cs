using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace FormArchive.Testing;

/// <summary>
/// Starts and stops the project's Ceph RGW (scripts/ceph-rgw.sh) in its own folder and on its own ports, so that
/// tests and benchmarks talk to a real S3 server and never meet each other's or the demo's. Uses an
/// already-configured server instead (and leaves it running) when FORMARCHIVE_S3_ENDPOINT is set.
/// Compiled into the archive tests and the archive benchmark (linked source, not a library: it is not product code).
/// </summary>
internal sealed class CephRgw : IDisposable
{
    private readonly Dictionary<string, string>? _settings;

    private CephRgw(Dictionary<string, string>? settings, string endpoint, string access, string secret, TimeSpan startup)
    {
        _settings = settings;
        Endpoint = endpoint;
        AccessKey = access;
        SecretKey = secret;
        StartupTime = startup;
    }

    public string Endpoint { get; }
    public string AccessKey { get; }
    public string SecretKey { get; }

    /// <summary>True when this process started the server (and so stops it on Dispose).</summary>
    public bool Started => _settings is not null;

    public TimeSpan StartupTime { get; }

    /// <summary>
    /// A server of this process's own: its folder named after the process and two ports the system finds free, so two
    /// test runs side by side (two checkouts on one machine) never stop each other's server or share its data.
    /// </summary>
    public static CephRgw StartOwn(string name)
    {
        var (port, monPort) = TwoFreePorts();
        return Start(Path.Combine(Path.GetTempPath(), $"{name}-{Environment.ProcessId}"), port, monPort);
    }

    private static (string, string) TwoFreePorts()
    {
        // Both held open until both are known, so they differ.
        var a = new TcpListener(IPAddress.Loopback, 0);
        var b = new TcpListener(IPAddress.Loopback, 0);
        a.Start();
        b.Start();
        try { return (((IPEndPoint)a.LocalEndpoint).Port.ToString(), ((IPEndPoint)b.LocalEndpoint).Port.ToString()); }
        finally
        {
            a.Stop();
            b.Stop();
        }
    }

    public static CephRgw Start(string dir, string port, string monPort)
    {
        if (Environment.GetEnvironmentVariable("FORMARCHIVE_S3_ENDPOINT") is { Length: > 0 } endpoint)
            return new CephRgw(null, endpoint, Environment.GetEnvironmentVariable("FORMARCHIVE_S3_ACCESS_KEY") ?? "",
                Environment.GetEnvironmentVariable("FORMARCHIVE_S3_SECRET_KEY") ?? "", TimeSpan.Zero);
        var settings = new Dictionary<string, string> { ["CEPH_RGW_DIR"] = dir, ["CEPH_RGW_PORT"] = port, ["CEPH_MON_PORT"] = monPort };
        var watch = Stopwatch.StartNew();
        var (code, output) = Script(settings, "start", TimeSpan.FromMinutes(3));
        if (code != 0) throw new InvalidOperationException($"scripts/ceph-rgw.sh start failed ({code}): {output}");
        var env = File.ReadAllLines(Path.Combine(dir, "env"))
            .Select(l => l.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
        return new CephRgw(settings, env["FORMARCHIVE_S3_ENDPOINT"], env["FORMARCHIVE_S3_ACCESS_KEY"], env["FORMARCHIVE_S3_SECRET_KEY"], watch.Elapsed);
    }

    public void Dispose()
    {
        if (_settings is not null) Script(_settings, "stop", TimeSpan.FromMinutes(1));
    }

    private static (int Code, string Output) Script(Dictionary<string, string> settings, string verb, TimeSpan timeout)
    {
        var psi = new ProcessStartInfo("bash", [Path.Combine(RepoRoot(), "scripts", "ceph-rgw.sh"), verb])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (k, v) in settings) psi.Environment[k] = v;
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

    /// <summary>The checkout: above the binaries, the working directory, or (with --artifacts-path) this source file.</summary>
    public static string RepoRoot([System.Runtime.CompilerServices.CallerFilePath] string source = "")
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory, Path.GetDirectoryName(source) ?? "" })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "FormArchive.sln"))) return dir.FullName;
        throw new InvalidOperationException("repository root (FormArchive.sln) not found above " + AppContext.BaseDirectory);
    }
}
