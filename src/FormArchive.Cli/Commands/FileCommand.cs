using System.CommandLine;
using FormArchive.Archive.Cases;

namespace FormArchive.Cli.Commands;

/// <summary>
/// <c>formarchive file CASE --clerk NAME FILE...</c>: files the given files into an open case as one upload
/// (all of them or none), titled by file name. For documents that exist outside the service.
/// </summary>
internal static class FileCommand
{
    public static Command Create()
    {
        var caseId = new Argument<string>("case") { Description = "Case id" };
        var clerk = new Option<string>("--clerk") { Description = "Filing clerk", Required = true };
        var title = new Option<string?>("--title") { Description = "Title (题名) of every file (default: the file name)" };
        var files = new Argument<FileInfo[]>("files") { Description = "Files to file as one upload", Arity = ArgumentArity.OneOrMore };
        var command = new Command("file", "File documents into an open case as one upload") { caseId, clerk, title, files };
        command.SetAction(result => ArchiveCli.Run(async host =>
        {
            var uploads = new List<DocumentUpload>();
            foreach (var f in result.GetValue(files)!)
            {
                if (!f.Exists) throw new ArgumentException($"{f.Name}: file not found");
                uploads.Add(new DocumentUpload
                {
                    Title = result.GetValue(title) ?? Path.GetFileNameWithoutExtension(f.Name),
                    FileName = f.Name,
                    MediaType = MediaTypeOf(f.Name),
                    Content = await File.ReadAllBytesAsync(f.FullName),
                });
            }
            var entries = await host.Archive.AddDocumentsAsync(result.GetValue(caseId)!, uploads, result.GetValue(clerk)!);
            foreach (var e in entries) Console.WriteLine($"{e.No}\t{e.FileName}\t{e.Sha256}");
            return 0;
        }));
        return command;
    }

    private static string MediaTypeOf(string name) => Path.GetExtension(name).ToLowerInvariant() switch
    {
        ".pdf" => "application/pdf",
        ".jpg" or ".jpeg" => "image/jpeg",
        ".png" => "image/png",
        ".json" => "application/json",
        ".txt" => "text/plain",
        _ => "application/octet-stream",
    };
}
