using OpenCvSharp;

namespace FormArchive.Ingest.Imaging;

/// <summary>
/// Ways of seeing a cut text line's ink apart from what lies across it (a pen note, a stamp, a rule), each read as a
/// further read of a number: the darkest ink alone, the print's band of rows, black and white.
/// </summary>
public static class StripInk
{
    /// <summary>
    /// Only the darkest ink, black on white: printed or copied digits are near black, while a note written across them
    /// in pen (or a stamp) is lighter; the cut is a quarter of the way from the darkest ink to the paper.
    /// </summary>
    public static Mat DarkestInk(Mat strip)
    {
        using var grey = new Mat();
        Cv2.CvtColor(strip, grey, ColorConversionCodes.BGR2GRAY);
        using var hist = new Mat();
        Cv2.CalcHist([grey], [0], null, hist, 1, [256], [new Rangef(0, 256)]);
        hist.GetArray(out float[] h);
        double total = h.Sum(), acc = 0;
        int ink = 0, paper = 255;
        for (int i = 0; i < 256; i++) { acc += h[i]; if (acc >= 0.02 * total) { ink = i; break; } }
        acc = 0;
        for (int i = 0; i < 256; i++) { acc += h[i]; if (acc >= 0.5 * total) { paper = i; break; } }
        using var bw = new Mat();
        Cv2.Threshold(grey, bw, ink + 0.25 * (paper - ink), 255, ThresholdTypes.Binary);
        var result = new Mat();
        Cv2.Merge([bw, bw, bw], result);
        return result;
    }

    /// <summary>
    /// The strip cut to its print's band: the longest run of rows whose ink (Otsu) reaches 40 % of the fullest row's,
    /// with a tenth of its height around it. A note written across the number reaches above and below the digits
    /// with a stroke or two; read with that much of it, a digit under it was lost (34172319420126525X read without
    /// one 5 in every cut but one; its darkest ink cut to the band read whole).
    /// </summary>
    public static Mat PrintBand(Mat strip)
    {
        using var grey = new Mat();
        Cv2.CvtColor(strip, grey, ColorConversionCodes.BGR2GRAY);
        using var ink = new Mat();
        Cv2.Threshold(grey, ink, 0, 255, ThresholdTypes.BinaryInv | ThresholdTypes.Otsu);
        using var rows = new Mat();
        Cv2.Reduce(ink, rows, ReduceDimension.Column, ReduceTypes.Sum, MatType.CV_32F);
        rows.GetArray(out float[] perRow);
        float bar = 0.4f * perRow.DefaultIfEmpty().Max();
        int start = 0, length = 0;
        for (int i = 0; i < perRow.Length;)
        {
            if (bar <= 0 || perRow[i] < bar) { i++; continue; }
            int j = i;
            while (j < perRow.Length && perRow[j] >= bar) j++;
            if (j - i > length) (start, length) = (i, j - i);
            i = j;
        }
        if (length < 4) return strip.Clone();
        int pad = Math.Max(1, length / 10), top = Math.Max(0, start - pad), bottom = Math.Min(strip.Rows, start + length + pad);
        return new Mat(strip, new Rect(0, top, strip.Cols, bottom - top)).Clone();
    }

    /// <summary>Black and white by Otsu's threshold on the grey strip.</summary>
    public static Mat Binarised(Mat strip)
    {
        using var grey = new Mat();
        Cv2.CvtColor(strip, grey, ColorConversionCodes.BGR2GRAY);
        using var bw = new Mat();
        Cv2.Threshold(grey, bw, 0, 255, ThresholdTypes.Binary | ThresholdTypes.Otsu);
        var result = new Mat();
        Cv2.Merge([bw, bw, bw], result);
        return result;
    }
}
