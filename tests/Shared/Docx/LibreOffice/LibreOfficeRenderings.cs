using FormArchive.Renderer.Rendering;
using FormArchive.Tests.Forms;

namespace FormArchive.Tests.Docx.LibreOffice;

/// <summary>
/// Every form × (blank + every sample its schema accepts), rendered once as our PDF and as DOCX, the DOCX files
/// converted by LibreOffice in a few batches, and both PDFs read back page by page. Set FORMARCHIVE_KEEP_LIBREOFFICE
/// to a folder to keep the files for a look.
/// </summary>
public sealed class LibreOfficeRenderings : IDisposable
{
    public sealed record Rendering(string FormId, string? Sample, IReadOnlyList<string> Labels,
        IReadOnlyList<string> PdfPages, IReadOnlyList<string>? OfficePages, string DocxPath, string OfficePdfPath);

    private readonly Dictionary<string, Rendering> _byCase = [];
    private readonly string _folder;
    private readonly bool _keep;

    public TimeSpan ConversionTime { get; }

    public LibreOfficeRenderings()
    {
        var keep = Environment.GetEnvironmentVariable("FORMARCHIVE_KEEP_LIBREOFFICE");
        _keep = !string.IsNullOrEmpty(keep);
        _folder = _keep ? Path.GetFullPath(keep!) : Path.Combine(Path.GetTempPath(), $"formarchive-lo-{Guid.NewGuid():N}");
        Directory.CreateDirectory(_folder);
        if (!LibreOfficeConverter.IsInstalled) return;

        var renderer = new DocumentRenderer();
        var pending = new List<(string Key, string FormId, string? Sample, IReadOnlyList<string> Labels, string Pdf, string Docx)>();
        foreach (var c in FormsFixture.Cases())
        {
            var formId = (string)c[0]!;
            var sample = (string?)c[1];
            var model = FormsFixture.Model(formId, sample);
            var name = $"{formId}--{(sample is null ? "blank" : Path.GetFileNameWithoutExtension(sample))}";
            var pdf = Path.Combine(_folder, name + ".ours.pdf");
            var docx = Path.Combine(_folder, name + ".docx");
            File.WriteAllBytes(pdf, renderer.Render(model, OutputFormat.Pdf).Content);
            File.WriteAllBytes(docx, renderer.Render(model, OutputFormat.Docx).Content);
            pending.Add((Key(formId, sample), formId, sample, SignatureLabels.Of(model), pdf, docx));
        }

        // Two soffice processes (one per core on CI), each with its own profile and half of the files.
        var started = System.Diagnostics.Stopwatch.StartNew();
        var batches = pending.Select((p, i) => (p, i)).GroupBy(x => x.i % 2, x => x.p.Docx).Select(g => g.ToList()).ToList();
        Parallel.ForEach(batches, new ParallelOptions { MaxDegreeOfParallelism = 2 },
            batch => LibreOfficeConverter.ToPdf(batch, _folder, TimeSpan.FromMinutes(5)));
        ConversionTime = started.Elapsed;

        foreach (var p in pending)
        {
            var office = Path.ChangeExtension(p.Docx, ".pdf");
            _byCase[p.Key] = new Rendering(p.FormId, p.Sample, p.Labels, PdfPageTexts.Read(p.Pdf),
                File.Exists(office) ? PdfPageTexts.Read(office) : null, p.Docx, office);
        }
    }

    public Rendering Get(string formId, string? sample) => _byCase[Key(formId, sample)];

    private static string Key(string formId, string? sample) => formId + "|" + (sample ?? "");

    public void Dispose()
    {
        if (_keep) return;
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
