namespace FormArchive.Archive.Tests.Infrastructure;

/// <summary>Keeps a produced file for a person to look at (pdftoppm) when FORMARCHIVE_ARTIFACTS names a folder; a no-op otherwise.</summary>
public static class Artifacts
{
    public static void Save(string name, byte[] bytes)
    {
        if (Environment.GetEnvironmentVariable("FORMARCHIVE_ARTIFACTS") is not { Length: > 0 } dir) return;
        Directory.CreateDirectory(dir);
        File.WriteAllBytes(Path.Combine(dir, name), bytes);
    }
}
