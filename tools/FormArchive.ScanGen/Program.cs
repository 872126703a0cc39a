using System.Text.Json;
using System.Text.Json.Serialization;
using FormArchive.ScanGen;

// formarchive-scangen OUT_DIR COUNT [SEED] [--page-dpi N] [--kinds id-front,id-back,...] [--threads N]
// Writes scan-NNNN.jpg and truth.json (ground truth of every scan). All people are invented.
// Kinds cycle in the order given; capture kinds (camera-*, photocopy, bad-checksum-id, hospital-page) are seeded
// per image, so --threads does not change the output.
if (args.Length == 3 && args[0] == "--png")
{
    // Development aid: a downscaled PNG of an image, to look at.
    using var img = new ImageMagick.MagickImage(args[1]);
    img.Resize(new ImageMagick.MagickGeometry(900, 900));
    img.Write(args[2], ImageMagick.MagickFormat.Png);
    return 0;
}
if (args.Length == 2 && args[0] == "--check")
{
    var problems = TruthCheck.Run(args[1]);
    foreach (var p in problems) Console.Error.WriteLine(p);
    Console.WriteLine(problems.Count == 0 ? $"truth of {args[1]} checks out" : $"{problems.Count} problem(s) in {args[1]}");
    return problems.Count == 0 ? 0 : 1;
}
if (args.Length < 2)
{
    Console.Error.WriteLine("usage: ScanGen OUT_DIR COUNT [SEED] [--page-dpi N] [--threads N] [--kinds KIND,...]\n" +
        "       ScanGen OUT_DIR --captures [SEED] [--threads N]   (the committed Captures corpus, every case pinned)\n" +
        "       ScanGen --check DIR                               (checks DIR's truth.json against its images)\n" +
        "  kinds: id-front, id-back, hukou-member, hukou-home, bank-card (older, flat scans);\n" +
        "         camera-id-front, camera-id-back, camera-bank-card, photocopy, camera-hukou-member, bad-checksum-id, hospital-page, camera-id-both");
    return 2;
}
var outDir = Directory.CreateDirectory(args[0]).FullName;
if (args[1] == "--captures")
{
    int capSeed = args.Length > 2 && int.TryParse(args[2], out var cs) ? cs : 1;
    int capThreads = Array.IndexOf(args, "--threads") is var ti and > 0 ? int.Parse(args[ti + 1]) : 1;
    var made = ScanCorpus.WriteCaptures(outDir, capSeed, CaptureSet.Items, capThreads);
    Console.WriteLine($"{made.Count} captures written to {outDir}");
    return 0;
}
int count = int.Parse(args[1]);
int seed = args.Length > 2 && int.TryParse(args[2], out var s) ? s : 1;
int pageDpi = 150, threads = 1;
var kinds = new List<SyntheticKind> { SyntheticKind.IdFront };
for (int i = 2; i < args.Length; i++)
{
    if (args[i] == "--page-dpi") pageDpi = int.Parse(args[++i]);
    else if (args[i] == "--kinds") kinds = args[++i].Split(',').Select(ScanCorpus.ParseKind).ToList();
    else if (args[i] == "--threads") threads = int.Parse(args[++i]);
}
var clock = System.Diagnostics.Stopwatch.StartNew();
var cpu0 = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
var truths = ScanCorpus.Write(outDir, count, seed, kinds, new ScanStyle { PageDpi = pageDpi }, threads);
var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu0;
Console.WriteLine($"{truths.Count} scans written to {outDir} in {clock.Elapsed.TotalSeconds:0.0} s " +
    $"({clock.Elapsed.TotalMilliseconds / Math.Max(1, truths.Count):0} ms wall, {cpu.TotalMilliseconds / Math.Max(1, truths.Count):0} ms CPU per scan, {threads} thread(s))");
return 0;
