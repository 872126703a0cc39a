using OpenCvSharp;

namespace FormArchive.Ingest.Imaging;

/// <summary>
/// OpenCV works on one thread per call: pages run in parallel, one thread each (like ONNX Runtime's sessions), and
/// OpenCV's own thread pool on top only contends for the same cores (measured: locating a card 89 → 55 ms under load).
/// </summary>
internal static class OpenCvThreads
{
    [System.Runtime.CompilerServices.ModuleInitializer]
    internal static void OneThread()
    {
        SharedLibPng.LoadGlobally(); // before OpenCV's own libpng is loaded
        Cv2.SetNumThreads(1);
    }
}
