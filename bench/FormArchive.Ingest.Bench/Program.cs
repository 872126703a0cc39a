using System.Diagnostics;
using System.Text.Json;
using FormArchive.Ingest;
using FormArchive.Ingest.Recognition;
using FormArchive.ScanGen;

// dotnet run -c Release --project bench/FormArchive.Ingest.Bench -- DIR [DIR...] [--engines standard,paddle,tesseract,cli]
//     [--limit N] [--cli-limit N] [--stages]
// DIR: a folder written by tools/FormArchive.ScanGen (scan-NNNN.jpg + truth.json). Each engine runs in a child
// process of its own (one thread), so its peak memory is its own; the parent prints one table, side by side:
//   standard  = this pipeline (PP-OCRv4 + Tesseract second reads of number lines)
//   paddle    = PP-OCRv4 alone (second reads from PP-OCR only)
//   tesseract = the earlier Tesseract-only reader
//   cli       = the plain `tesseract` CLI (chi_sim+eng, default settings) on the raw image, any valid 18-digit run
var dirs = args.Where(a => !a.StartsWith("--") && Directory.Exists(a)).Select(Path.GetFullPath).ToList();
string Arg(string name, string fallback) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() ?? fallback;
int limit = int.Parse(Arg("--limit", int.MaxValue.ToString()));
int cliLimit = int.Parse(Arg("--cli-limit", "40"));
bool stages = args.Contains("--stages");

if (Arg("--engine", "") is { Length: > 0 } engine)
{
    // Child: one engine over every set; statistics as JSON on stdout.
    var rows = dirs.Select(d => Bench.Run(engine, d, engine == "cli" ? Math.Min(limit, cliLimit) : limit, stages)).ToList();
    foreach (var r in rows) r.PeakMiB = Process.GetCurrentProcess().PeakWorkingSet64 / 1048576;
    Console.WriteLine(JsonSerializer.Serialize(rows));
    return 0;
}
if (dirs.Count == 0) { Console.Error.WriteLine("usage: FormArchive.Ingest.Bench DIR [DIR...] [--engines standard,paddle,tesseract,cli] [--limit N] [--cli-limit N] [--stages]"); return 2; }

var all = new List<Bench.Row>();
foreach (var e in Arg("--engines", "standard,paddle,tesseract,cli").Split(','))
{
    var psi = new ProcessStartInfo(Environment.ProcessPath!, [typeof(Bench).Assembly.Location, .. args, "--engine", e]) { RedirectStandardOutput = true };
    if (Environment.ProcessPath!.EndsWith("FormArchive.Ingest.Bench")) psi.ArgumentList.RemoveAt(0);
    using var child = Process.Start(psi)!;
    var output = child.StandardOutput.ReadToEnd();
    child.WaitForExit();
    all.AddRange(JsonSerializer.Deserialize<List<Bench.Row>>(output.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1])!);
}
Console.WriteLine($"one thread per engine, {Environment.ProcessorCount} cores, load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
Console.WriteLine("| set | engine | files | ID numbers read exactly | invalid or wrong reported valid | negatives clean | bank cards (Luhn) | expired backs | ms median | ms p95 | peak MiB |");
Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|");
foreach (var r in all.OrderBy(r => r.Set).ThenBy(r => r.Engine))
    Console.WriteLine($"| {r.Set} | {r.Engine} | {r.Files} | {r.Exact}/{r.Numbers} ({Pct(r.Exact, r.Numbers)}) | {r.FalseAccepts} | {r.CleanNegatives}/{r.Negatives} | {r.BankRead}/{r.Banks}{(r.WrongBanks > 0 ? $" ({r.WrongBanks} wrong)" : "")} | {r.ExpiredFound}/{r.Expired} | {r.Median} | {r.P95} | {r.PeakMiB} |");
if (stages)
    foreach (var r in all.Where(r => r.Stages.Count > 0))
        Console.WriteLine($"{r.Set} {r.Engine}: mean ms per stage: " + string.Join(", ", r.Stages.OrderByDescending(kv => kv.Value).Select(kv => $"{kv.Key} {kv.Value:0.0}")));
return 0;

static string Pct(int a, int b) => b == 0 ? "—" : $"{100.0 * a / b:0.0} %";

internal static class Bench
{
    public sealed class Row
    {
        public string Set { get; set; } = "";
        public string Engine { get; set; } = "";
        public int Files { get; set; }
        public int Numbers { get; set; }
        public int Exact { get; set; }
        public int FalseAccepts { get; set; }
        public int Negatives { get; set; }
        public int CleanNegatives { get; set; }
        public int Banks { get; set; }
        public int BankRead { get; set; }
        /// <summary>Card numbers reported that the page does not carry.</summary>
        public int WrongBanks { get; set; }
        public int Expired { get; set; }
        public int ExpiredFound { get; set; }
        public long Median { get; set; }
        public long P95 { get; set; }
        public long PeakMiB { get; set; }
        public Dictionary<string, double> Stages { get; set; } = [];
    }

    /// <summary>The ID numbers a page must yield: the truth's list, or the one number of the older kinds.</summary>
    private static List<string> Expected(ScanTruth t) =>
        t.Numbers ?? (t.Kind is SyntheticKind.IdFront or SyntheticKind.HukouMember && t.Number is not null ? [t.Number] : []);

    private static string? Bank(ScanTruth t) => t.BankNumber ?? (t.Kind == SyntheticKind.BankCard ? t.Number : null);

    public static Row Run(string engine, string dir, int limit, bool stages)
    {
        var truths = ScanCorpus.Read(dir).Take(limit).ToList();
        var row = new Row { Set = Path.GetFileName(dir), Engine = engine, Files = truths.Count };
        var mode = engine switch { "paddle" => OcrMode.PaddleOnly, "tesseract" => OcrMode.TesseractOnly, _ => OcrMode.Standard };
        var pipeline = new ScanPipeline();
        if (engine != "cli" && truths.Count > 0) pipeline.Process("warm-up", File.ReadAllBytes(Path.Combine(dir, truths[0].File)), new IngestOptions { Mode = mode });
        var ms = new List<long>();
        var perFile = new List<(long Ms, string Line)>();
        foreach (var t in truths)
        {
            var bytes = File.ReadAllBytes(Path.Combine(dir, t.File));
            var sw = Stopwatch.StartNew();
            List<string> valid;
            List<string> banks = [];
            bool expiredFound = false;
            string stageLine = "";
            if (engine == "cli")
            {
                var text = RunTesseract(Path.Combine(dir, t.File));
                valid = IdNumberRules.RawCandidates(text).Select(IdNumberRules.Check).Where(c => c.Valid is not null && !c.Corrected).Select(c => c.Valid!).Distinct().ToList();
                banks = IdNumberRules.BankCardNumbers(text);
            }
            else
            {
                var r = pipeline.Process(t.File, bytes, new IngestOptions { Mode = mode, ScanDate = new DateOnly(2026, 11, 27) });
                var pages = r.Pages;
                valid = pages.SelectMany(p => p.IdNumbers).Where(i => i.IsValid).Select(i => i.Number).Distinct().ToList();
                banks = pages.SelectMany(p => p.BankCardNumbers).ToList();
                expiredFound = pages.Any(p => p.CardBack is { Expired: true });
                foreach (var p in pages)
                    foreach (var (k, v) in p.StageMs) row.Stages[k] = row.Stages.GetValueOrDefault(k) + v / truths.Count;
                stageLine = string.Join(", ", pages.SelectMany(p => p.StageMs).OrderByDescending(kv => kv.Value).Select(kv => $"{kv.Key} {kv.Value:0}"));
            }
            ms.Add(sw.ElapsedMilliseconds);
            if (stages && engine != "cli")
                perFile.Add((sw.ElapsedMilliseconds, $"{t.File} {sw.ElapsedMilliseconds} ms: {stageLine}"));
            var expected = Expected(t);
            if (!expected.All(valid.Contains) || valid.Any(v => !expected.Contains(v)))
                Console.Error.WriteLine($"miss {engine} {row.Set}/{t.File}: expected [{string.Join(",", expected)}] read [{string.Join(",", valid)}]");
            row.Numbers += expected.Count;
            row.Exact += expected.Count(valid.Contains);
            row.FalseAccepts += valid.Count(v => !expected.Contains(v));
            if (expected.Count == 0) { row.Negatives++; if (valid.Count == 0) row.CleanNegatives++; }
            if (Bank(t) is { } b)
            {
                row.Banks++;
                if (banks.Contains(b)) row.BankRead++;
                else Console.Error.WriteLine($"miss {engine} {row.Set}/{t.File}: bank card {b} read [{string.Join(",", banks)}]");
            }
            row.WrongBanks += banks.Count(n => n != Bank(t));
            if (t.Expired == true) { row.Expired++; if (expiredFound) row.ExpiredFound++; }
        }
        ms.Sort();
        // The slowest files and where their time went (stderr), to see what makes the tail.
        foreach (var (_, line) in perFile.OrderByDescending(f => f.Ms).Take(Math.Max(1, perFile.Count / 20)))
            Console.Error.WriteLine($"slow {engine} {row.Set}/{line}");
        row.Median = ms.Count == 0 ? 0 : ms[ms.Count / 2];
        row.P95 = ms.Count == 0 ? 0 : ms[Math.Min(ms.Count - 1, (int)(ms.Count * 0.95))];
        if (!stages) row.Stages.Clear();
        return row;
    }

    private static string RunTesseract(string image)
    {
        var psi = new ProcessStartInfo("tesseract", [image, "stdout", "-l", "chi_sim+eng"]) { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.Environment["OMP_THREAD_LIMIT"] = "1";
        using var proc = Process.Start(psi)!;
        var text = proc.StandardOutput.ReadToEnd();
        proc.StandardError.ReadToEnd();
        proc.WaitForExit();
        return text;
    }
}
