using System.Runtime.InteropServices;

namespace FormArchive.Ingest.Ocr;

/// <summary>
/// P/Invoke declarations for the C API of libtesseract 5 (Debian package libtesseract5; only the versioned
/// <c>libtesseract.so.5</c> exists without the -dev package) and the one leptonica call we need.
/// </summary>
internal static partial class TesseractNative
{
    private const string Lib = "libtesseract.so.5";
    private const string Lept = "liblept.so.5";
    private const string LibC = "libc";

    public const int RilBlock = 0, RilPara = 1, RilTextLine = 2, RilWord = 3, RilSymbol = 4;
    public const int OemTesseractOnly = 0, OemLstmOnly = 1, OemDefault = 3;

    [LibraryImport(Lib)] public static partial IntPtr TessBaseAPICreate();
    [LibraryImport(Lib)] public static partial void TessBaseAPIDelete(IntPtr handle);
    [LibraryImport(Lib)] public static partial void TessBaseAPIEnd(IntPtr handle);
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int TessBaseAPIInit2(IntPtr handle, string dataPath, string language, int oem);
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int TessBaseAPISetVariable(IntPtr handle, string name, string value);
    [LibraryImport(Lib)] public static partial void TessBaseAPISetPageSegMode(IntPtr handle, int mode);
    [LibraryImport(Lib)]
    public static partial void TessBaseAPISetImage(IntPtr handle, ref byte data, int width, int height, int bytesPerPixel, int bytesPerLine);
    [LibraryImport(Lib)] public static partial void TessBaseAPISetSourceResolution(IntPtr handle, int ppi);
    [LibraryImport(Lib)] public static partial void TessBaseAPISetRectangle(IntPtr handle, int left, int top, int width, int height);
    [LibraryImport(Lib)] public static partial int TessBaseAPIRecognize(IntPtr handle, IntPtr monitor);
    [LibraryImport(Lib)] public static partial IntPtr TessBaseAPIGetUTF8Text(IntPtr handle);
    [LibraryImport(Lib)] public static partial int TessBaseAPIMeanTextConf(IntPtr handle);
    [LibraryImport(Lib)] public static partial void TessBaseAPIClear(IntPtr handle);
    [LibraryImport(Lib)] public static partial void TessDeleteText(IntPtr text);
    [LibraryImport(Lib)]
    public static partial int TessBaseAPIDetectOrientationScript(IntPtr handle, out int orientDeg, out float orientConf, out IntPtr scriptName,
        out float scriptConf);

    [LibraryImport(Lib)] public static partial IntPtr TessBaseAPIGetIterator(IntPtr handle);
    [LibraryImport(Lib)] public static partial void TessResultIteratorDelete(IntPtr iterator);
    [LibraryImport(Lib)] public static partial int TessResultIteratorNext(IntPtr iterator, int level);
    [LibraryImport(Lib)] public static partial IntPtr TessResultIteratorGetUTF8Text(IntPtr iterator, int level);
    [LibraryImport(Lib)] public static partial float TessResultIteratorConfidence(IntPtr iterator, int level);
    [LibraryImport(Lib)] public static partial IntPtr TessResultIteratorGetPageIterator(IntPtr iterator);
    [LibraryImport(Lib)]
    public static partial int TessPageIteratorBoundingBox(IntPtr pageIterator, int level, out int left, out int top, out int right, out int bottom);
    [LibraryImport(Lib)] public static partial int TessPageIteratorIsAtBeginningOf(IntPtr pageIterator, int level);

    [LibraryImport(Lept)] public static partial int setMsgSeverity(int severity);

    [LibraryImport(LibC, EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int SetEnv(string name, string value, int overwrite);

    /// <summary>Reads and frees a string Tesseract allocated.</summary>
    public static string TakeText(IntPtr text)
    {
        if (text == IntPtr.Zero) return string.Empty;
        try { return Marshal.PtrToStringUTF8(text) ?? string.Empty; }
        finally { TessDeleteText(text); }
    }
}
