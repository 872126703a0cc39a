using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization;
using FormArchive.Domain;
using FormArchive.Ingest;
using FormArchive.Ingest.Recognition;
using Spectre.Console;

namespace FormArchive.Cli.Commands;

/// <summary>
/// <c>formarchive ingest --case CASE [--hint id-front] [--members members.json] [--bank-account N] [--out DIR] scan.jpg ...</c>.
/// Each file is decoded, its documents found and flattened, read (PP-OCRv4) and checked; results go to the output
/// folder as <c>NAME.json</c> + <c>NAME.pdf</c> (searchable). Bad files are reported one by one; the batch goes on.
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

    public static Command Create()
    {
        var caseId = new Option<string>("--case") { Description = "Case number the scans belong to", Required = true };
        var hint = new Option<string?>("--hint") { Description = "What the scans are: " + string.Join(", ", PageClassifier.Hints.Keys) };
        var members = new Option<FileInfo?>("--members") { Description = "JSON file: [{\"name\": \"…\", \"idNumber\": \"…\"}] of the household, to match ID numbers" };
        var accounts = new Option<string[]>("--bank-account") { Description = "The household's bank account number, to match bank cards (repeatable)", AllowMultipleArgumentsPerToken = true };
        var output = new Option<DirectoryInfo?>("--out") { Description = "Output folder (default ./ingest/CASE)" };
        var files = new Argument<FileInfo[]>("files") { Description = "Scans: JPEG, PNG, TIFF or PDF", Arity = ArgumentArity.OneOrMore };
        var command = new Command("ingest", "OCR and check scanned evidence (ID cards, 户口簿, bank cards, …); writes JSON results and searchable PDFs")
            { caseId, hint, members, accounts, output, files };
        command.SetAction(result => CliErrors.Run(() =>
        {
            var caseNo = result.GetValue(caseId)!;
            DocumentType? hinted = null;
            if (result.GetValue(hint) is { } h)
            {
                if (!PageClassifier.Hints.TryGetValue(h, out var t))
                    return CliErrors.Fail($"--hint must be one of {string.Join(", ", PageClassifier.Hints.Keys)}, not '{h}'", CliErrors.BadInput);
                hinted = t;
            }
            var household = ReadMembers(result.GetValue(members));
            var safeCase = string.Concat(caseNo.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '_'));
            var folder = result.GetValue(output) ?? new DirectoryInfo(Path.Combine("ingest", safeCase));
            folder.Create();
            var options = new IngestOptions { Hint = hinted, Members = household, BankAccounts = result.GetValue(accounts) ?? [], ScanDate = ChinaTime.Today() };
            var inputs = result.GetValue(files)!;
            var pipeline = new ScanPipeline();
            int rejected = 0;

            void One(FileInfo file)
            {
                ScanResult scan;
                if (!file.Exists) scan = new ScanResult { File = file.Name, Rejected = "file not found" };
                else scan = pipeline.Process(file.Name, File.ReadAllBytes(file.FullName), options);
                if (scan.IsRejected)
                {
                    rejected++;
                    Console.Error.WriteLine($"formarchive: error: {file.Name}: rejected: {scan.Rejected}");
                    return;
                }
                var stem = Path.Combine(folder.FullName, Path.GetFileNameWithoutExtension(file.Name));
                File.WriteAllText(stem + ".json", JsonSerializer.Serialize(new { @case = caseNo, scan }, Json));
                File.WriteAllBytes(stem + ".pdf", SearchablePdf.Build(scan, $"{caseNo} {file.Name}"));
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

            Console.WriteLine($"{inputs.Length - rejected} of {inputs.Length} files ingested into {folder.FullName} (JSON results + searchable PDFs)");
            return rejected > 0 ? CliErrors.BadInput : 0;
        }));
        return command;
    }

    /// <summary>One line per page; ID numbers are masked (personal data never appears unmasked in output/logs).</summary>
    internal static string Describe(string file, PageResult p)
    {
        var ids = p.IdNumbers.Select(i => $"{IdNumberMasking.Mask(i.Number)} {(i.IsValid ? "valid" : "NOT validated")}{(i.MatchedMember is { } m ? $" ({m})" : "")}");
        var type = PageClassifier.HintName(p.Type) + (p.Type != p.ClassifiedAs ? $" (read as {PageClassifier.HintName(p.ClassifiedAs)})" : "");
        var line = $"{file} p{p.Page}: {type}, rotated {p.Orientation}°, deskewed {p.DeskewDegrees:0.##}°, OCR {p.OcrConfidence}%";
        if (ids.Any()) line += ", ID " + string.Join("; ", ids);
        if (p.BankCardNumbers.Count > 0) line += ", bank card " + string.Join("; ", p.BankCardNumbers.Select(IdNumberMasking.Mask)) + (p.MatchedBankAccount is null ? "" : " (the household's account)");
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
            var list = JsonSerializer.Deserialize<List<MemberDto>>(File.ReadAllText(file.FullName), new JsonSerializerOptions { PropertyNameCaseInsensitive = true }) ?? [];
            return list.Select(m => new HouseholdMember(m.Name, m.IdNumber)).ToList();
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException($"members file {file.Name} is not valid JSON: {e.Message}");
        }
    }
}
