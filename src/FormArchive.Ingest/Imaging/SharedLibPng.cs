using System.Runtime.InteropServices;

namespace FormArchive.Ingest.Imaging;

/// <summary>
/// OpenCvSharp's native library carries its own libpng and exports its png_* symbols. Loaded first, those bind the
/// png_* calls of Leptonica (Tesseract's image library), which then frees memory of the other libpng: the process
/// aborts with "double free or corruption" on the first LSTM read. Loading Debian's libpng into the global scope
/// before OpenCV keeps every caller on one libpng. Runs when the Ingest assembly loads (<see cref="OpenCvThreads"/>).
/// </summary>
internal static class SharedLibPng
{
    private const int RtldNow = 0x2, RtldGlobal = 0x100;

    [DllImport("libc", EntryPoint = "dlopen")]
    private static extern IntPtr DlOpen(string file, int mode);

    internal static void LoadGlobally()
    {
        if (!OperatingSystem.IsLinux()) return;
        try { DlOpen("libpng16.so.16", RtldNow | RtldGlobal); }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException) { }
    }
}
