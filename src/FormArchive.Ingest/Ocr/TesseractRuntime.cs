namespace FormArchive.Ingest.Ocr;

/// <summary>
/// Process-wide Tesseract set-up, done once before the first Tesseract call: OpenMP limited to one thread
/// (Tesseract's OpenMP makes each recognition several times slower on few cores; .NET's Environment.SetEnvironmentVariable
/// does not reach native getenv, so libc setenv is called), leptonica's messages silenced.
/// </summary>
public static class TesseractRuntime
{
    public const string TessdataEnvironmentVariable = "FORMARCHIVE_TESSDATA";
    public const string DefaultTessdataPath = "/usr/share/tesseract-ocr/5/tessdata";

    private static readonly object s_lock = new();
    private static bool s_initialised;

    public static string TessdataPath { get; private set; } = DefaultTessdataPath;

    /// <summary>
    /// Limits OpenMP to one thread for the whole process. libgomp reads the variable once, when it is loaded — by
    /// Magick.NET's native library or by libtesseract, whichever comes first — so this runs when the Ingest
    /// assembly loads (module initializer) and again before any decode; an explicit setting is kept.
    /// </summary>
    public static void ConfigureProcess()
    {
        if (Volatile.Read(ref s_envSet)) return;
        try { TesseractNative.SetEnv("OMP_THREAD_LIMIT", "1", 0); }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException) { }
        Volatile.Write(ref s_envSet, true);
    }

    private static bool s_envSet;

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Usage", "CA2255",
        Justification = "must run when the assembly loads, before any native library it uses is loaded")]
    [System.Runtime.CompilerServices.ModuleInitializer]
    internal static void OnLoad() => ConfigureProcess();

    public static void EnsureInitialised()
    {
        if (Volatile.Read(ref s_initialised)) return;
        lock (s_lock)
        {
            if (s_initialised) return;
            var dir = Environment.GetEnvironmentVariable(TessdataEnvironmentVariable);
            TessdataPath = string.IsNullOrWhiteSpace(dir) ? DefaultTessdataPath : dir;
            if (!File.Exists(Path.Combine(TessdataPath, "eng.traineddata")))
                throw new InvalidOperationException(
                    $"Tesseract data not found in {TessdataPath}: install the Debian packages tesseract-ocr tesseract-ocr-chi-sim "
                    + $"tesseract-ocr-osd libtesseract5 (or set {TessdataEnvironmentVariable}).");
            // Must happen before libtesseract (and with it libgomp) is loaded; overwrite=0 keeps an explicit setting.
            ConfigureProcess();
            try { _ = TesseractNative.setMsgSeverity(6); } catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException) { }
            Volatile.Write(ref s_initialised, true);
        }
    }
}
