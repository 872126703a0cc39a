namespace FormArchive.Archive.Storage;

/// <summary>
/// Named steps of filing and sealing where the crash tests stop a real process. With FORMARCHIVE_CRASH_AT set
/// to a step's name, the process announces the step on stderr ("crash-point STEP") and waits there forever,
/// so that the test can kill -9 it at exactly that point. Unset (always, outside the tests) it costs one
/// comparison.
/// </summary>
public static class CrashPoint
{
    public const string Variable = "FORMARCHIVE_CRASH_AT";
    public const string Announcement = "crash-point ";

    private static readonly string? Armed = Environment.GetEnvironmentVariable(Variable);

    public static void Reach(string step)
    {
        if (Armed is null || !string.Equals(Armed, step, StringComparison.Ordinal)) return;
        Console.Error.WriteLine(Announcement + step);
        Console.Error.Flush();
        Thread.Sleep(Timeout.Infinite);
    }
}
