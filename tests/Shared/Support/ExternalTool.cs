using System.Diagnostics;

namespace FormArchive.Tests.Support;

/// <summary>Runs a real command-line tool (pdftotext, pdffonts, qpdf) on a file and returns what it printed.</summary>
public static class ExternalTool
{
    public static (int ExitCode, string Output) Run(string tool, params string[] arguments) => Run(tool, arguments, null);

    /// <summary>Runs <paramref name="tool"/> with extra environment variables.</summary>
    public static (int ExitCode, string Output) Run(string tool, string[] arguments, IReadOnlyDictionary<string, string>? environment)
    {
        var start = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
        };
        foreach (var (k, v) in environment ?? new Dictionary<string, string>()) start.Environment[k] = v;
        foreach (var a in arguments) start.ArgumentList.Add(a);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {tool}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(60_000)) { process.Kill(true); throw new TimeoutException($"{tool} did not finish"); }
        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    /// <summary>Writes bytes to a temporary file, runs the tool on it, deletes the file.</summary>
    public static (int ExitCode, string Output) RunOnBytes(byte[] content, string extension, string tool, Func<string, string[]> arguments)
    {
        var path = Path.Combine(Path.GetTempPath(), $"formarchive-{Guid.NewGuid():N}{extension}");
        File.WriteAllBytes(path, content);
        try { return Run(tool, arguments(path)); }
        finally { File.Delete(path); }
    }
}
