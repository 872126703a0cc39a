using System.Diagnostics;
using FormArchive.Ingest;
using FormArchive.Ingest.Ocr;
using FormArchive.Ingest.Recognition;
using FormArchive.ScanGen;

// dotnet run -c Release --project bench/FormArchive.Ingest.Bench -- DIR [DIR...] [--no-cli] [--limit N]
// --stages: also print the mean wall-clock time of each pipeline stage.
// DIR: a folder written by tools/FormArchive.ScanGen (scan-NNNN.jpg + truth.json).
// Reports: exact ID reads, false accepts, orientation, deskew error, ms per scan, peak memory, and the same
// accuracy for the plain `tesseract` CLI (chi_sim+eng, default settings) on the raw images.
var dirs = args.Where(a => !a.StartsWith("--") && Directory.Exists(a)).ToList();
bool cli = !args.Contains("--no-cli");
bool stages = args.Contains("--stages");
int limit = args.SkipWhile(a => a != "--limit").Skip(1).Select(int.Parse).FirstOrDefault(int.MaxValue);
var pipeline = new ScanPipeline();
// warm up the engines (init costs are not per-scan costs)
if (dirs.Count > 0)
{
    var t0 = ScanCorpus.Read(dirs[0])[0];
    pipeline.Process(t0.File, File.ReadAllBytes(Path.Combine(dirs[0], t0.File)));
}

foreach (var dir in dirs)
{
    var truths = ScanCorpus.Read(dir).Take(limit).ToList();
    int numbered = 0, exact = 0, falseAccept = 0, orientOk = 0, cliExact = 0, cliFalse = 0, cliNumbered = 0;
    var skewErr = new List<double>();
    var ms = new List<long>();
    var stageSum = new Dictionary<string, double>();
    foreach (var t in truths)
    {
        var bytes = File.ReadAllBytes(Path.Combine(dir, t.File));
        var sw = Stopwatch.StartNew();
        var r = pipeline.Process(t.File, bytes);
        sw.Stop();
        ms.Add(sw.ElapsedMilliseconds);
        var p = r.Pages[0];
        foreach (var (k, v) in p.StageMs) stageSum[k] = stageSum.GetValueOrDefault(k) + v;
        stageSum["(outside pages: decode)"] = stageSum.GetValueOrDefault("(outside pages: decode)") + sw.Elapsed.TotalMilliseconds - r.Pages.Sum(x => x.ElapsedMs);
        var valid = p.IdNumbers.Where(i => i.IsValid).Select(i => i.Number).ToList();
        bool hasNumber = t.Kind is SyntheticKind.IdFront or SyntheticKind.HukouMember;
        if (hasNumber) { numbered++; if (valid.Contains(t.Number!)) exact++; }
        falseAccept += valid.Count(v => v != t.Number);
        if (p.Orientation == t.UprightRotation) orientOk++;
        skewErr.Add(Math.Abs(p.DeskewDegrees - t.SkewDegrees));

        if (cli && hasNumber)
        {
            cliNumbered++;
            var text = RunTesseract(Path.Combine(dir, t.File));
            var cliValid = IdNumberRules.RawCandidates(text).Select(IdNumberRules.Check).Where(c => c.Valid is not null && !c.Corrected).Select(c => c.Valid!).Distinct().ToList();
            if (cliValid.Contains(t.Number!)) cliExact++;
            cliFalse += cliValid.Count(v => v != t.Number);
        }
    }
    ms.Sort();
    skewErr.Sort();
    Console.WriteLine($"## {dir}: {truths.Count} scans ({string.Join(", ", truths.GroupBy(t => t.Kind).Select(g => $"{g.Count()} {g.Key}"))})");
    Console.WriteLine($"pipeline: ID exact {exact}/{numbered} ({100.0 * exact / Math.Max(1, numbered):0.0}%), false accepts {falseAccept}, orientation {orientOk}/{truths.Count} ({100.0 * orientOk / truths.Count:0.0}%), " +
                      $"deskew error mean {skewErr.Average():0.000}° p95 {skewErr[(int)(skewErr.Count * 0.95)]:0.00}° max {skewErr[^1]:0.00}°");
    Console.WriteLine($"time per scan: median {ms[ms.Count / 2]} ms, mean {ms.Average():0} ms, p95 {ms[(int)(ms.Count * 0.95)]} ms (one thread)");
    if (stages)
        Console.WriteLine("mean ms per stage: " + string.Join(", ", stageSum.OrderByDescending(kv => kv.Value).Select(kv => $"{kv.Key} {kv.Value / truths.Count:0.0}")));
    if (cli) Console.WriteLine($"tesseract CLI (chi_sim+eng, raw image): ID exact {cliExact}/{cliNumbered} ({100.0 * cliExact / Math.Max(1, cliNumbered):0.0}%), valid-but-wrong {cliFalse}");
    Console.WriteLine($"peak working set so far: {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576} MiB");
}

static string RunTesseract(string image)
{
    var psi = new ProcessStartInfo("tesseract", [image, "stdout", "-l", "chi_sim+eng"]) { RedirectStandardOutput = true, RedirectStandardError = true };
    psi.Environment["OMP_THREAD_LIMIT"] = "1";
    using var proc = Process.Start(psi)!;
    var text = proc.StandardOutput.ReadToEnd();
    proc.StandardError.ReadToEnd();
    proc.WaitForExit();
    return text;
}
