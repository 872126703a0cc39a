using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization;
using FormArchive.Casework.Filing;
using FormArchive.Domain;
using FormArchive.Ingest;
using FormArchive.Ingest.Recognition;
using Spectre.Console;

namespace FormArchive.Cli.Commands;

/// <summary>
/// <c>formarchive ingest --case CASE [--hint id-front] [--members members.json] [--bank-account N] [--out DIR] [--file --clerk NAME] scan.jpg ...</c>.
/// Each file is decoded, its documents found and flattened, read (PP-OCRv4) and checked; results go to the output
/// folder as <c>NAME.json</c> + <c>NAME.pdf</c> (searchable). Bad files are reported one by one; the batch goes on.
/// With <c>--file</c> the scans are filed into the open case CASE as the service files an upload (original, searchable
/// PDF, ingest result; all files in one event, matched to the case's household), all of them or, if any file is
/// refused, none.
/// </summary>
internal static class IngestCommand
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
    private static readonly JsonSerializerOptions MembersJson = new() { PropertyNameCaseInsensitive = true };

    private static readonly Option<string[]> Accounts = new("--bank-account")
    {
        Description = "The household's bank account number, to match bank cards (repeatable)", AllowMultipleArgumentsPerToken = true,
    };
    private static readonly Argument<FileInfo[]> Files = new("files") { Description = "Scans: JPEG, PNG, TIFF or PDF", Arity = ArgumentArity.OneOrMore };

    public static Command Create()
    {
        var caseId = new Option<string>("--case") { Description = "Case number the scans belong to", Required = true };
        var hint = new Option<string?>("--hint") { Description = "What the scans are: " + string.Join(", ", PageClassifier.Hints.Keys) };
        var members = new Option<FileInfo?>("--members")
        {
            Description = "JSON file: [{\"name\": \"…\", \"idNumber\": \"…\"}] of the household, to match ID numbers",
        };
        var accounts = Accounts;
        var output = new Option<DirectoryInfo?>("--out") { Description = "Output folder (default ./ingest/CASE; with --file only when given)" };
        var file = new Option<bool>("--file") { Description = "File the scans into the open case CASE of the archive (all or none)" };
        var clerk = new Option<string?>("--clerk") { Description = "Filing clerk (with --file)" };
        var docNumber = new Option<string?>("--doc-number") { Description = "文号 of the scanned document(s), listed in the 卷内目录 (with --file)" };
        var files = Files;
        var command = new Command("ingest", "OCR and check scanned evidence (ID cards, 户口簿, bank cards, …); writes JSON results and searchable PDFs")
            { caseId, hint, members, accounts, output, file, clerk, docNumber, files };
        command.SetAction(result =>
        {
            var caseNo = result.GetValue(caseId)!;
            DocumentType? hinted = null;
            if (result.GetValue(hint) is { } h)
            {
                if (!PageClassifier.Hints.TryGetValue(h, out var t))
                    return CliErrors.Fail($"--hint must be one of {string.Join(", ", PageClassifier.Hints.Keys)}, not '{h}'", CliErrors.BadInput);
                hinted = t;
            }
            if (!DocumentNumber.TryNormalize(result.GetValue(docNumber), out var number, out var invalid))
                return CliErrors.Fail($"--doc-number：{invalid}", CliErrors.BadInput);
            if (number is not null && !result.GetValue(file))
                return CliErrors.Fail("--doc-number 只在 --file 归档时使用", CliErrors.BadInput);
            if (!result.GetValue(file))
                return CliErrors.Run(() =>
                    Ingest(result, caseNo, hinted, ReadMembers(result.GetValue(members)), result.GetValue(output) ?? DefaultFolder(caseNo), null));
            if (result.GetValue(clerk) is not { Length: > 0 } filer)
                return CliErrors.Fail("--file needs --clerk NAME (who files the scans)", CliErrors.BadInput);
            return ArchiveCli.Run(async host =>
            {
                var manifest = await host.Archive.GetManifestAsync(caseNo);
                var household = result.GetValue(members) is { } m ? ReadMembers(m) : await CaseHousehold.ReadAsync(host.Archive, manifest, default);
                var scans = new List<(FileInfo File, byte[] Content, ScanResult Scan)>();
                int code = Ingest(result, caseNo, hinted, household, result.GetValue(output), scans);
                if (code != 0) { Console.Error.WriteLine("formarchive: nothing was filed"); return code; }
                var filed = await ScanFiling.FileAsync(host.Archive, manifest,
                    [.. scans.Select(s => new ScanToFile(s.File.Name, null, s.Content, s.Scan, number))], filer);
                Console.WriteLine($"{scans.Count} scan(s) filed into {manifest.CaseId} as documents {filed[0].Original.No}–{filed[^1].IngestResult.No} "
                                  + "(original, searchable PDF, ingest result each)");
                return 0;
            });
        });
        return command;
    }

    private static DirectoryInfo DefaultFolder(string caseNo) =>
        new(Path.Combine("ingest", string.Concat(caseNo.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '_'))));

    /// <summary>
    /// Reads every file; writes results to <paramref name="folder"/> when given; collects the scans when asked. Non-zero when a file was refused.
    /// </summary>
    private static int Ingest(ParseResult result, string caseNo, DocumentType? hinted, IReadOnlyList<HouseholdMember> household, DirectoryInfo? folder,
        List<(FileInfo File, byte[] Content, ScanResult Scan)>? collected)
    {
        folder?.Create();
        var options = new IngestOptions { Hint = hinted, Members = household, BankAccounts = result.GetValue(Accounts) ?? [], ScanDate = ChinaTime.Today() };
        var inputs = result.GetValue(Files)!;
        var pipeline = new ScanPipeline();
        int rejected = 0;

        void One(FileInfo file)
        {
            ScanResult scan;
            byte[] content = [];
            if (!file.Exists) scan = new ScanResult { File = file.Name, Rejected = "file not found" };
            else scan = pipeline.Process(file.Name, content = File.ReadAllBytes(file.FullName), options);
            if (scan.IsRejected)
            {
                rejected++;
                Console.Error.WriteLine($"formarchive: error: {file.Name}: rejected: {scan.Rejected}");
                return;
            }
            if (folder is not null)
            {
                var stem = Path.Combine(folder.FullName, Path.GetFileNameWithoutExtension(file.Name));
                File.WriteAllText(stem + ".json", JsonSerializer.Serialize(new { @case = caseNo, scan }, Json));
                File.WriteAllBytes(stem + ".pdf", SearchablePdf.Build(scan, $"{caseNo} {file.Name}"));
            }
            collected?.Add((file, content, scan));
            foreach (var page in scan.Pages) Console.WriteLine(Describe(file.Name, page));
        }

        if (inputs.Length > 1 && !Console.IsOutputRedirected)
        {
            AnsiConsole.Progress().AutoClear(true).Start(ctx =>
            {
                var task = ctx.AddTask($"ingest {inputs.Length} files", maxValue: inputs.Length);
                foreach (var f in inputs) { One(f); task.Increment(1); }
            });
        }
        else foreach (var f in inputs) One(f);

        if (folder is not null)
            Console.WriteLine($"{inputs.Length - rejected} of {inputs.Length} files ingested into {folder.FullName} (JSON results + searchable PDFs)");
        return rejected > 0 ? CliErrors.BadInput : 0;
    }

    /// <summary>One line per page; ID numbers are masked (personal data never appears unmasked in output/logs).</summary>
    internal static string Describe(string file, PageResult p)
    {
        var ids = p.IdNumbers.Select(i =>
            $"{IdNumberMasking.Mask(i.Number)} {(i.IsValid ? "valid" : "NOT validated")}{(i.MatchedMember is { } m ? $" ({m})" : "")}");
        var type = PageClassifier.HintName(p.Type) + (p.Type != p.ClassifiedAs ? $" (read as {PageClassifier.HintName(p.ClassifiedAs)})" : "");
        var line = $"{file} p{p.Page}: {type}, rotated {p.Orientation}°, deskewed {p.DeskewDegrees:0.##}°, OCR {p.OcrConfidence}%";
        if (ids.Any()) line += ", ID " + string.Join("; ", ids);
        if (p.BankCardNumbers.Count > 0)
            line += ", bank card " + string.Join("; ", p.BankCardNumbers.Select(IdNumberMasking.Mask))
                + (p.MatchedBankAccount is null ? "" : " (the household's account)");
        if (p.CardBack is { } back) line += $", 有效期限 {back.Validity}{(back.Expired ? " EXPIRED" : "")}";
        if (p.Warnings.Count > 0) line += " — " + string.Join("; ", p.Warnings);
        return line;
    }

    private sealed record MemberDto(string Name, string IdNumber);

    private static List<HouseholdMember> ReadMembers(FileInfo? file)
    {
        if (file is null) return [];
        if (!file.Exists) throw new FileNotFoundException($"members file not found: {file.FullName}");
        try
        {
            var list = JsonSerializer.Deserialize<List<MemberDto>>(File.ReadAllText(file.FullName), MembersJson) ?? [];
            return list.Select(m => new HouseholdMember(m.Name, m.IdNumber)).ToList();
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException($"members file {file.Name} is not valid JSON: {e.Message}");
        }
    }
}
