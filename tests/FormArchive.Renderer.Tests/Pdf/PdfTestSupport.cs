using System.Diagnostics;
using System.Text;
using FormArchive.Renderer.Model;
using FormArchive.Renderer.Pdf;
using UglyToad.PdfPig.Content;

namespace FormArchive.Tests.Pdf;

/// <summary>Shared fixtures: sample texts, external poppler/qpdf tools, and PdfPig line reconstruction.</summary>
internal static class PdfTestSupport
{
    public const string Radicals = "人入口女子小支无日月父生矢身门";
    public const string Title = "池州市低收入人口申请受理告知书";
    public const string LatinDigits = "ID 34170219580307001X 1,234.00";
    public const string NonBmp = "𠮷"; // U+20BB7

    /// <summary>300 distinct ideographs: the characters of the repository's real form templates, topped up with common ones.</summary>
    public const string FormCorpus =
        "一三上不与个中临为书予二五交人从他代以们件份会位低体作使供保值允元入全公共关其养内再写况出划列则刚别到前办助匹区单及发受变口句只可号合同名后向否告员周和困围在型填境处复多失女好姓子字存安宋定实审家对将少居属岁州工巴市年并序应府庭式张录徽必志性恰您情成我或找抄指按换据接提操支收政效救数整文料无日旧时明是暂最月有期未末本条板构果染查标校核根格模正此民求池没法活济渲版特状环现理生用甲申男白的盖目直相省知短码确示社禁称程空章符第等简类系素级组经结综缘缺置能至致良范行表要规认记许设证试语误说请调象败资超身转输边过都配重量金错长问间阳附际限障难需面页项顺须领题额验黑齐了这来大地你国着就那她也得里自下而天去";

    /// <summary>Runs an external tool; returns exit code and combined output.</summary>
    public static (int ExitCode, string Output) Run(string tool, params string[] args) => Support.ExternalTool.Run(tool, args);

    public static string WriteTemp(byte[] pdf, string name)
    {
        string dir = Path.Combine(Path.GetTempPath(), "formarchive-pdf-tests");
        Directory.CreateDirectory(dir);
        string path = Path.Combine(dir, $"{name}-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, pdf);
        return path;
    }

    /// <summary>Reassembles PdfPig letters into text lines (grouped by baseline, ordered by x).</summary>
    public static List<string> Lines(Page page) =>
        page.Letters
            .GroupBy(l => Math.Round(l.StartBaseLine.Y, 1))
            .OrderByDescending(g => g.Key)
            .Select(g => string.Concat(g.OrderBy(l => l.StartBaseLine.X).Select(l => l.Value)))
            .ToList();

    /// <summary>A document with one line per sample text, far apart so tools never merge lines.</summary>
    public static byte[] SampleTextDocument(params (string Text, FontFamilyKind Family, bool Bold)[] lines)
    {
        var doc = new PdfDocumentBuilder(new PdfMetadata("Sample", Created: new DateTimeOffset(2024, 5, 6, 7, 8, 9, TimeSpan.FromHours(8))));
        var page = doc.AddPage(595.28f, 841.89f);
        float y = 80;
        foreach (var (text, family, bold) in lines)
        {
            page.DrawText(text, 50, y, family, bold, 16);
            y += 48;
        }
        return doc.ToArray();
    }
}
