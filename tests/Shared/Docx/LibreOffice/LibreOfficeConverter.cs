using System.Diagnostics;

namespace FormArchive.Tests.Docx.LibreOffice;

/// <summary>
/// Converts DOCX files to PDF with LibreOffice Writer, headless, as an office suite opens them. Many files go to one
/// soffice call (start-up costs seconds), and each call gets its own user profile so parallel test runs never share one.
/// </summary>
public static class LibreOfficeConverter
{
    public static bool IsInstalled => File.Exists("/usr/bin/soffice") || File.Exists("/usr/lib/libreoffice/program/soffice");

    /// <summary>Converts <paramref name="docxFiles"/> into PDFs in <paramref name="outputFolder"/> (same base names).</summary>
    public static void ToPdf(IReadOnlyList<string> docxFiles, string outputFolder, TimeSpan timeout)
    {
        if (docxFiles.Count == 0) return;
        var profile = Path.Combine(Path.GetTempPath(), $"formarchive-lo-profile-{Guid.NewGuid():N}");
        try
        {
            var start = new ProcessStartInfo("soffice")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            foreach (var a in new[] { $"-env:UserInstallation=file://{profile}", "--headless", "--norestore", "--nolockcheck", "--convert-to", "pdf:writer_pdf_Export", "--outdir", outputFolder })
                start.ArgumentList.Add(a);
            foreach (var f in docxFiles) start.ArgumentList.Add(f);
            using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start soffice");
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeout))
            {
                process.Kill(true);
                throw new TimeoutException($"soffice did not convert {docxFiles.Count} files in {timeout}");
            }
            process.WaitForExit();
            if (process.ExitCode != 0)
                throw new InvalidOperationException($"soffice exited {process.ExitCode}: {stdout.Result} {stderr.Result}");
        }
        finally
        {
            try { Directory.Delete(profile, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}
