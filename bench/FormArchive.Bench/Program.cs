using System.Diagnostics;
using FormArchive.Bench;
using FormArchive.Renderer.Rendering;
using FormArchive.Templates;
using FormArchive.Templates.Printing;

// Render timings for every form in the catalog, blank and with each sample, as PDF and DOCX.
// Usage: dotnet run -c Release --project bench/FormArchive.Bench [-- --iterations 1000]
var iterations = args.Length >= 2 && args[0] == "--iterations" ? int.Parse(args[1]) : 1000;
var root = TemplateCatalog.FindDefaultRoot();
var printer = new FormPrinter(TemplateCatalog.Load(root), new FormRenderer(), new DocumentRenderer());
var samples = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "samples"), "*.json").Order().ToList();

Console.WriteLine($"FormArchive render benchmark — {Environment.ProcessorCount} cores, {iterations} renders per case, warm");
Console.WriteLine($"{"form",-28} {"data",-22} {"fmt",-5} {"ms/form",8} {"pages",5} {"pages/s",8} {"bytes/page",10}");
foreach (var form in printer.Catalog.Forms.OrderBy(f => f.Id))
{
    var cases = new List<(string Name, string? Json)> { ("(blank)", null) };
    foreach (var s in samples)
    {
        var json = File.ReadAllText(s);
        try { printer.Print(form.Id, json, OutputFormat.Pdf); cases.Add((Path.GetFileName(s), json)); }
        catch (FormDataException) { /* sample made for another form */ }
    }
    foreach (var (name, json) in cases)
        foreach (var format in new[] { OutputFormat.Pdf, OutputFormat.Docx })
        {
            var result = Measure.Run(() => printer.Print(form.Id, json, format), iterations);
            var pages = result.Last.Document.PageCount ?? 0;
            var perPage = pages > 0 ? result.Last.Document.Content.Length / pages : result.Last.Document.Content.Length;
            var pagesPerSecond = pages > 0 ? pages * 1000.0 / result.MeanMs : 0;
            Console.WriteLine($"{form.Id,-28} {name,-22} {format.ToString().ToLowerInvariant(),-5} {result.MeanMs,8:F2} {(pages > 0 ? pages.ToString() : "-"),5} {(pages > 0 ? pagesPerSecond.ToString("F0") : "-"),8} {perPage,10:N0}");
        }
}
// Every render with characters not seen before: the font-subset cache misses, as with a stream of new cases.
var baseCase = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "samples", "case.json")))!;
var counter = 0;
var uncached = Measure.Run(() =>
{
    var data = baseCase.DeepClone();
    var first = (char)(0x4E00 + (counter++ * 3) % 20000);
    data["applicant"]!["name"] = $"{first}{(char)(first + 1)}{(char)(first + 2)}";
    return printer.Print("chizhou.acceptance-notice", data.ToJsonString(), OutputFormat.Pdf);
}, Math.Min(iterations, 500));
Console.WriteLine($"{"chizhou.acceptance-notice",-28} {"new glyphs each time",-22} {"pdf",-5} {uncached.MeanMs,8:F2} {1,5} {1000 / uncached.MeanMs,8:F0} {uncached.Last.Document.Content.Length,10:N0}");

var process = Process.GetCurrentProcess();
process.Refresh();
Console.WriteLine($"peak working set: {process.PeakWorkingSet64 / (1024 * 1024)} MiB; GC heap now {GC.GetTotalMemory(false) / (1024 * 1024)} MiB; gen2 collections {GC.CollectionCount(2)}");
