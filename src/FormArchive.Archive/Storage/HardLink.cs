using System.Runtime.InteropServices;

namespace FormArchive.Archive.Storage;

/// <summary>
/// link(2): gives a file a second name, failing with EEXIST if that name exists — atomically, unlike
/// File.Move(overwrite: false), which checks and then renames and so lets two racing writers both "win".
/// </summary>
internal static partial class HardLink
{
    private const int EEXIST = 17;

    [LibraryImport("libc", EntryPoint = "link", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Link(string existing, string newName);

    /// <summary>True if <paramref name="newName"/> now names the file; false if the name was taken.</summary>
    public static bool TryCreate(string existing, string newName)
    {
        if (OperatingSystem.IsWindows())
        {
            try { File.Move(existing, newName, overwrite: false); return true; }
            catch (IOException) when (File.Exists(newName)) { return false; }
        }
        if (Link(existing, newName) == 0) return true;
        int errno = Marshal.GetLastPInvokeError();
        if (errno == EEXIST) return false;
        throw new IOException($"link {newName} failed: errno {errno}");
    }
}
