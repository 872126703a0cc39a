using System.Diagnostics;

namespace FormArchive.Archive.Tests.Infrastructure;

/// <summary>Poppler's pdftotext on PDF bytes: the text a reader's tools see, independent of our PdfPig reading.</summary>
public static class PdfToText
{
    public static string Page(byte[] pdf, int page) => Run(pdf, "-f", page.ToString(), "-l", page.ToString());

    public static string All(byte[] pdf) => Run(pdf);

    private static string Run(byte[] pdf, params string[] range)
    {
        var path = Path.Combine(Path.GetTempPath(), $"fa-pdftotext-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, pdf);
        try
        {
            var start = new ProcessStartInfo("pdftotext") { RedirectStandardOutput = true, RedirectStandardError = true, StandardOutputEncoding = System.Text.Encoding.UTF8 };
            foreach (var a in range) start.ArgumentList.Add(a);
            start.ArgumentList.Add("-enc");
            start.ArgumentList.Add("UTF-8");
            start.ArgumentList.Add(path);
            start.ArgumentList.Add("-");
            using var p = Process.Start(start)!;
            var output = p.StandardOutput.ReadToEndAsync();
            var error = p.StandardError.ReadToEndAsync();
            if (!p.WaitForExit(60_000)) { p.Kill(true); throw new TimeoutException("pdftotext did not finish"); }
            if (p.ExitCode != 0) throw new InvalidOperationException($"pdftotext failed ({p.ExitCode}): {error.Result}");
            return output.Result;
        }
        finally { File.Delete(path); }
    }
}
