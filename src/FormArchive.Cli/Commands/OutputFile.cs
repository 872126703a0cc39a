namespace FormArchive.Cli.Commands;

/// <summary>Writes a command's output file via a temporary file, so a failure never leaves half a file behind.</summary>
internal static class OutputFile
{
    public static async Task<long> WriteAsync(FileInfo target, Func<Stream, Task> write)
    {
        if (target.Directory is { Exists: false } dir) dir.Create();
        var tmp = target.FullName + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp";
        try
        {
            await using (var fs = new FileStream(tmp, FileMode.CreateNew))
                await write(fs);
            File.Move(tmp, target.FullName, overwrite: true);
            return new FileInfo(target.FullName).Length;
        }
        finally
        {
            File.Delete(tmp);
        }
    }
}
