using System.Runtime.InteropServices;

namespace FormArchive.Tests.Pdf;

/// <summary>LittleCMS (installed with poppler) used as an independent validator of the embedded ICC profile.</summary>
internal static partial class LittleCms
{
    private const string Lib = "liblcms2.so.2";
    private const uint TypeGray8 = (3 << 16) | (1 << 3) | 1;
    private const uint TypeRgb8 = (4 << 16) | (3 << 3) | 1;

    [LibraryImport(Lib)] private static partial IntPtr cmsOpenProfileFromMem(byte[] mem, uint size);
    [LibraryImport(Lib)] private static partial int cmsCloseProfile(IntPtr profile);
    [LibraryImport(Lib)] private static partial uint cmsGetColorSpace(IntPtr profile);
    [LibraryImport(Lib)] private static partial uint cmsGetDeviceClass(IntPtr profile);
    [LibraryImport(Lib)] private static partial IntPtr cmsCreate_sRGBProfile();
    [LibraryImport(Lib)] private static partial IntPtr cmsCreateTransform(IntPtr input, uint inFormat, IntPtr output, uint outFormat, uint intent, uint flags);
    [LibraryImport(Lib)] private static partial void cmsDeleteTransform(IntPtr transform);
    [LibraryImport(Lib)] private static partial void cmsDoTransform(IntPtr transform, byte[] input, byte[] output, uint size);

    /// <summary>Opens the profile, checks class/space, and converts gray 0/255 to sRGB.</summary>
    public static (string DeviceClass, string ColorSpace, byte[] Rgb) GrayToSrgb(byte[] icc, byte[] grays)
    {
        IntPtr p = cmsOpenProfileFromMem(icc, (uint)icc.Length);
        if (p == IntPtr.Zero) throw new InvalidDataException("LittleCMS rejected the ICC profile");
        IntPtr srgb = cmsCreate_sRGBProfile();
        try
        {
            string cls = Sig(cmsGetDeviceClass(p)), space = Sig(cmsGetColorSpace(p));
            IntPtr t = cmsCreateTransform(p, TypeGray8, srgb, TypeRgb8, 0, 0);
            if (t == IntPtr.Zero) throw new InvalidDataException("LittleCMS cannot build a transform from the profile");
            var rgb = new byte[grays.Length * 3];
            try { cmsDoTransform(t, grays, rgb, (uint)grays.Length); }
            finally { cmsDeleteTransform(t); }
            return (cls, space, rgb);
        }
        finally
        {
            cmsCloseProfile(srgb);
            cmsCloseProfile(p);
        }
    }

    private static string Sig(uint v) => new([(char)(v >> 24), (char)((v >> 16) & 0xff), (char)((v >> 8) & 0xff), (char)(v & 0xff)]);
}
