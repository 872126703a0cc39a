using System.Diagnostics;

namespace FormArchive.Archive.Bench;

/// <summary>
/// Ceph RGW for the S3 leg, started with scripts/ceph-rgw.sh on its own folder and ports (so it never meets a
/// test or demo server) and stopped at the end; or an existing server from FORMARCHIVE_S3_* (left running).
/// </summary>
internal sealed class CephServer : IDisposable
{
    private readonly string? _script;
    private readonly Dictionary<string, string> _env = new()
    {
        ["CEPH_RGW_DIR"] = "/tmp/formarchive-ceph-bench",
        ["CEPH_RGW_PORT"] = "27480",
        ["CEPH_MON_PORT"] = "23300",
    };

    private CephServer(string? script, string endpoint, string access, string secret, TimeSpan startup)
    {
        _script = script;
        Endpoint = endpoint;
        AccessKey = access;
        SecretKey = secret;
        Startup = startup;
    }

    public string Endpoint { get; }
    public string AccessKey { get; }
    public string SecretKey { get; }
    public TimeSpan Startup { get; }

    public static CephServer Start(string repoRoot)
    {
        if (Environment.GetEnvironmentVariable("FORMARCHIVE_S3_ENDPOINT") is { Length: > 0 } endpoint)
            return new CephServer(null, endpoint, Environment.GetEnvironmentVariable("FORMARCHIVE_S3_ACCESS_KEY") ?? "",
                Environment.GetEnvironmentVariable("FORMARCHIVE_S3_SECRET_KEY") ?? "", TimeSpan.Zero);
        var script = Path.Combine(repoRoot, "scripts", "ceph-rgw.sh");
        var probe = new CephServer(script, "", "", "", TimeSpan.Zero);
        var watch = Stopwatch.StartNew();
        var (code, output) = probe.Run("start");
        if (code != 0) throw new InvalidOperationException($"ceph-rgw.sh start failed ({code}): {output}");
        var env = File.ReadAllLines(Path.Combine(probe._env["CEPH_RGW_DIR"], "env"))
            .Select(l => l.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
        return new CephServer(script, env["FORMARCHIVE_S3_ENDPOINT"], env["FORMARCHIVE_S3_ACCESS_KEY"], env["FORMARCHIVE_S3_SECRET_KEY"], watch.Elapsed);
    }

    public void Dispose()
    {
        if (_script is not null) Run("stop");
    }

    private (int Code, string Output) Run(string verb)
    {
        var psi = new ProcessStartInfo("bash", [_script!, verb]) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (k, v) in _env) psi.Environment[k] = v;
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            p.Kill(entireProcessTree: true);
            return (-1, "timed out");
        }
        return (p.ExitCode, (stdout.Result + stderr.Result).Trim());
    }
}
