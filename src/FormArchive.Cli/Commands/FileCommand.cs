using System.CommandLine;
using FormArchive.Archive.Cases;
using FormArchive.Domain;

namespace FormArchive.Cli.Commands;

/// <summary>
/// <c>formarchive file CASE --clerk NAME FILE...</c>: files the given files into an open case as one upload
/// (all of them or none), titled by file name, with the 文号 given by <c>--doc-number</c> (listed in the 卷内目录).
/// For documents that exist outside the service.
/// </summary>
internal static class FileCommand
{
    public static Command Create()
    {
        var caseId = new Argument<string>("case") { Description = "Case id" };
        var clerk = new Option<string>("--clerk") { Description = "Filing clerk", Required = true };
        var title = new Option<string?>("--title") { Description = "Title (题名) of every file (default: the file name)" };
        var docNumber = new Option<string?>("--doc-number") { Description = "文号 of every file, listed in the 卷内目录" };
        var files = new Argument<FileInfo[]>("files") { Description = "Files to file as one upload", Arity = ArgumentArity.OneOrMore };
        var command = new Command("file", "File documents into an open case as one upload") { caseId, clerk, title, docNumber, files };
        command.SetAction(result =>
        {
            if (!DocumentNumber.TryNormalize(result.GetValue(docNumber), out var number, out var invalid))
                return CliErrors.Fail($"--doc-number：{invalid}", CliErrors.BadInput);
            return FileAll(result, caseId, clerk, title, number, files);
        });
        return command;
    }

    private static int FileAll(
        ParseResult result, Argument<string> caseId, Option<string> clerk, Option<string?> title, string? number, Argument<FileInfo[]> files) =>
        ArchiveCli.Run(async host =>
        {
            var uploads = new List<DocumentUpload>();
            foreach (var f in result.GetValue(files)!)
            {
                if (!f.Exists) throw new ArgumentException($"{f.Name}: file not found");
                uploads.Add(new DocumentUpload
                {
                    Title = result.GetValue(title) ?? Path.GetFileNameWithoutExtension(f.Name),
                    DocNumber = number,
                    FileName = f.Name,
                    MediaType = MediaTypeOf(f.Name),
                    Content = await File.ReadAllBytesAsync(f.FullName),
                });
            }
            var entries = await host.Archive.AddDocumentsAsync(result.GetValue(caseId)!, uploads, result.GetValue(clerk)!);
            foreach (var e in entries) Console.WriteLine($"{e.No}\t{e.FileName}\t{e.Sha256}");
            return 0;
        });

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
