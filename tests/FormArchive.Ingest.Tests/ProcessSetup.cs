using System.Runtime.CompilerServices;
using FormArchive.Ingest.Ocr;

namespace FormArchive.Ingest.Tests;

internal static class ProcessSetup
{
    /// <summary>OMP_THREAD_LIMIT=1 before any test loads Magick.NET (libgomp reads it once, on load).</summary>
    [ModuleInitializer]
    internal static void Init() => TesseractRuntime.ConfigureProcess();
}
