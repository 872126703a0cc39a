using FormArchive.Domain;
using ImageMagick;

namespace FormArchive.ScanGen;

/// <summary>
/// Checks a generated folder against its own truth.json: every number in Numbers is a valid ID number and Number is
/// the first of them, every PrintedNumber is invalid, bank numbers pass Luhn, expiry agrees with ValidTo, each file
/// exists with the recorded size, and every document corner lies inside the image (except a flatbed page, cropped by the glass). Run after generating a corpus
/// (`ScanGen --check DIR`); a failing check means the truth cannot be trusted.
/// </summary>
public static class TruthCheck
{
    public static List<string> Run(string dir)
    {
        var problems = new List<string>();
        foreach (var t in ScanCorpus.Read(dir))
        {
            void Bad(string what) => problems.Add($"{t.File}: {what}");
            var path = Path.Combine(dir, t.File);
            if (!File.Exists(path)) { Bad("file missing"); continue; }
            if (t.Numbers is null) continue; // older kinds carry Number only
            foreach (var n in t.Numbers) if (!ChineseIdNumber.IsValid(n)) Bad($"number {n} is not a valid ID number");
            if (t.Number != t.Numbers.FirstOrDefault()) Bad("Number is not the first of Numbers");
            if (t.PrintedNumber is { } p && ChineseIdNumber.IsValid(p)) Bad($"printed number {p} is valid");
            if (t.BankNumber is { } b && (!Luhn.IsValid(b) || b.Length is < 16 or > 19)) Bad($"bank number {b} fails Luhn or length");
            if (t.ValidTo is { } to && t.Expired is { } exp)
            {
                bool expired = to != "长期" && DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture) < CardBackFacts.CaptureDate;
                if (expired != exp) Bad($"Expired {exp} disagrees with ValidTo {to}");
            }
            if (t.Kind is SyntheticKind.Photocopy && t.People?.Count != t.Numbers.Count) Bad("People and Numbers differ in count");
            if (t.Kind is SyntheticKind.CameraIdFront or SyntheticKind.CameraHukouMember or SyntheticKind.Photocopy or SyntheticKind.CameraIdBoth && t.Numbers.Count == 0) Bad("a positive kind without a number");
            if (t.Kind is SyntheticKind.BadChecksumId or SyntheticKind.CameraBankCard or SyntheticKind.CameraIdBack && t.Numbers.Count != 0) Bad("a negative kind with a number");
            var info = new MagickImageInfo(path);
            if (t.Width is { } w && t.Height is { } h && (info.Width != w || info.Height != h)) Bad($"size {info.Width}x{info.Height}, truth {w}x{h}");
            // a skewed page on a flatbed is cropped at the glass edge: its corners may fall outside the scan
            foreach (var q in t.Style == "flatbed" ? [] : t.Corners ?? [])
                foreach (var pt in q)
                    if (pt[0] < -1 || pt[1] < -1 || pt[0] > info.Width + 1 || pt[1] > info.Height + 1) Bad($"corner ({pt[0]}, {pt[1]}) outside the image");
        }
        return problems;
    }
}
