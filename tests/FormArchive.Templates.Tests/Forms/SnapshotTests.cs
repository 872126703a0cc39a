using System.Runtime.CompilerServices;
using System.Text;
using FormArchive.Renderer.Rendering;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace FormArchive.Tests.Forms;

/// <summary>
/// A text snapshot of every form in the catalog — the PDF's words (PdfPig) in reading order, line by line and page by
/// page — blank and filled with one sample, committed as <c>Snapshots/&lt;form-id&gt;.txt</c>, so that a layout change
/// (a label moved to another line or page, a wrapped value, a lost row) shows in review.
/// Run with <c>UPDATE_SNAPSHOTS=1</c> to (re)write the snapshots after an intended change; a form without a snapshot
/// fails until its snapshot is written that way.
/// </summary>
public class SnapshotTests
{
    /// <summary>The sample a form's snapshot is filled with when <c>case.json</c> does not show it well.</summary>
    private static readonly Dictionary<string, string> PreferredSample = new()
    {
        ["chizhou.home-visit-survey"] = "case-dibao-9-members.json",
        ["chizhou.verification-authorization"] = "case-dibao-9-members.json",
        ["chizhou.application-pledge"] = "case-marginal-minority.json",
    };

    public static IEnumerable<object[]> Forms() => FormsFixture.Catalog.Forms.Select(f => f.Id).Order(StringComparer.Ordinal).Select(id => new object[] { id });

    private static string SnapshotFolder([CallerFilePath] string thisFile = "") => Path.Combine(Path.GetDirectoryName(thisFile)!, "Snapshots");

    private static bool Updating => Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") is "1" or "true";

    /// <summary>The sample used for a form: its preferred one, else case.json, else the first sample its schema accepts.</summary>
    public static string? SampleFor(string formId)
    {
        var accepted = FormsFixture.Cases().Where(c => (string)c[0]! == formId && c[1] is not null).Select(c => (string)c[1]!).ToList();
        if (PreferredSample.TryGetValue(formId, out var preferred) && accepted.Contains(preferred))
            return preferred;
        return accepted.Contains("case.json") ? "case.json" : accepted.FirstOrDefault();
    }

    /// <summary>The words of every page in reading order: lines top to bottom (by baseline), words left to right.</summary>
    public static string Words(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        var sb = new StringBuilder();
        foreach (var page in document.GetPages())
        {
            sb.Append("--- page ").Append(page.Number).Append(" ---\n");
            foreach (var line in Lines(page))
                sb.Append(line).Append('\n');
        }
        return sb.ToString();
    }

    private static IEnumerable<string> Lines(Page page)
    {
        var words = page.GetWords().Where(w => !string.IsNullOrWhiteSpace(w.Text)).ToList();
        var lines = new List<List<Word>>();
        foreach (var word in words.OrderByDescending(w => w.BoundingBox.Bottom).ThenBy(w => w.BoundingBox.Left))
        {
            // Words whose baselines are within 2pt are on one line (a cell's text and its neighbour's).
            var line = lines.FirstOrDefault(l => Math.Abs(l[0].BoundingBox.Bottom - word.BoundingBox.Bottom) < 2.0);
            if (line is null) lines.Add(line = []);
            line.Add(word);
        }
        return lines.Select(l => string.Join(" ", l.OrderBy(w => w.BoundingBox.Left).Select(w => w.Text)));
    }

    private static string Snapshot(string formId)
    {
        var sb = new StringBuilder();
        sb.Append("=== ").Append(formId).Append(" · blank ===\n");
        sb.Append(Words(new DocumentRenderer().Render(FormsFixture.Model(formId, null), OutputFormat.Pdf).Content));
        if (SampleFor(formId) is { } sample)
        {
            sb.Append("=== ").Append(formId).Append(" · ").Append(sample).Append(" ===\n");
            sb.Append(Words(new DocumentRenderer().Render(FormsFixture.Model(formId, sample), OutputFormat.Pdf).Content));
        }
        return sb.ToString();
    }

    [Theory]
    [MemberData(nameof(Forms))]
    public void Pdf_words_match_the_committed_snapshot(string formId)
    {
        var actual = Snapshot(formId);
        var path = Path.Combine(SnapshotFolder(), formId + ".txt");
        if (Updating)
        {
            Directory.CreateDirectory(SnapshotFolder());
            File.WriteAllText(path, actual, new UTF8Encoding(false));
            return;
        }
        Assert.True(File.Exists(path), $"No snapshot for {formId}: run the tests with UPDATE_SNAPSHOTS=1 and review {path}.");
        var expected = File.ReadAllText(path).ReplaceLineEndings("\n");
        if (expected == actual)
            return;
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        var i = 0;
        while (i < e.Length && i < a.Length && e[i] == a[i]) i++;
        Assert.Fail($"{formId}: the PDF text differs from {path} at line {i + 1}:\n  expected: {(i < e.Length ? e[i] : "<end>")}\n  actual:   {(i < a.Length ? a[i] : "<end>")}\n" +
                    "If the change is intended, run the tests with UPDATE_SNAPSHOTS=1 and commit the snapshot.");
    }
}
