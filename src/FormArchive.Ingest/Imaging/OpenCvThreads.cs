using OpenCvSharp;

namespace FormArchive.Ingest.Imaging;

/// <summary>
/// OpenCV works on one thread per call: pages run in parallel, one thread each (like ONNX Runtime's sessions), and
/// OpenCV's own thread pool on top only contends for the same cores (docs/measurements.md).
/// Set on first use, so that commands that never read a scan do not load OpenCV at all.
/// </summary>
internal static class OpenCvThreads
{
    private static readonly Lazy<bool> s_set = new(() => { Cv2.SetNumThreads(1); return true; });

    public static void Ensure() => _ = s_set.Value;

    /// <summary>Debian's libpng goes into the global scope before OpenCV's own is ever loaded (<see cref="SharedLibPng"/>).</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Usage", "CA2255",
        Justification = "must run when the assembly loads, before any native library it uses is loaded")]
    [System.Runtime.CompilerServices.ModuleInitializer]
    internal static void BeforeOpenCv() => SharedLibPng.LoadGlobally();
}
