using System.Diagnostics;
using System.Globalization;

namespace FormArchive.Archive.Storage;

/// <summary>
/// Names of the local store's temporary files: ".NAME.PID.GUID.tmp". The writer's process id lets repair tell
/// the file of a write in progress (its process is alive) from one a crash left behind.
/// </summary>
internal static class TempFileName
{
    /// <summary>Temporary files without a process id (written before it was part of the name) count as abandoned after this.</summary>
    private static readonly TimeSpan LegacyAge = TimeSpan.FromHours(1);

    public static string For(string finalName) =>
        "." + finalName + "." + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "." + Guid.NewGuid().ToString("N") + ".tmp";

    public static bool IsAbandoned(string fileName, DateTime lastWriteUtc)
    {
        if (!fileName.StartsWith('.') || !fileName.EndsWith(".tmp", StringComparison.Ordinal)) return false;
        var parts = fileName.Split('.');
        if (parts.Length >= 5 && int.TryParse(parts[^3], NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            return !IsRunning(pid);
        return DateTime.UtcNow - lastWriteUtc > LegacyAge;
    }

    private static bool IsRunning(int pid)
    {
        if (pid == Environment.ProcessId) return true;
        try
        {
            using var p = Process.GetProcessById(pid);
            return !p.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
