using System.Text.Json;
using System.Text.Json.Serialization;
using FormArchive.ScanGen;

// formarchive-scangen OUT_DIR COUNT [SEED] [--page-dpi N] [--kinds id-front,id-back,...]
// Writes scan-NNNN.jpg and truth.json (ground truth of every scan). All people are invented.
if (args.Length == 3 && args[0] == "--png")
{
    // Development aid: a downscaled PNG of an image, to look at.
    using var img = new ImageMagick.MagickImage(args[1]);
    img.Resize(new ImageMagick.MagickGeometry(900, 900));
    img.Write(args[2], ImageMagick.MagickFormat.Png);
    return 0;
}
if (args.Length < 2)
{
    Console.Error.WriteLine("usage: ScanGen OUT_DIR COUNT [SEED] [--page-dpi N] [--kinds id-front,id-back,hukou-member,hukou-home,bank-card]");
    return 2;
}
var outDir = Directory.CreateDirectory(args[0]).FullName;
int count = int.Parse(args[1]);
int seed = args.Length > 2 && int.TryParse(args[2], out var s) ? s : 1;
int pageDpi = 150;
var kinds = new List<SyntheticKind> { SyntheticKind.IdFront };
for (int i = 2; i < args.Length; i++)
{
    if (args[i] == "--page-dpi") pageDpi = int.Parse(args[++i]);
    else if (args[i] == "--kinds") kinds = args[++i].Split(',').Select(ScanCorpus.ParseKind).ToList();
}
var truths = ScanCorpus.Write(outDir, count, seed, kinds, new ScanStyle { PageDpi = pageDpi });
Console.WriteLine($"{truths.Count} scans written to {outDir}");
return 0;
