namespace FormArchive.Api.Settings;

/// <summary>
/// Limits of the service, from configuration (FormArchive:MaxUploadBytes, FormArchive:MaxConcurrentWork,
/// FormArchive:MaxQueuedWork, FormArchive:MaxQueueWaitSeconds, FormArchive:RequestTimeoutSeconds,
/// FormArchive:LongRequestTimeoutSeconds). Defaults suit the 2-core reference machine: two heavy jobs at a time
/// (OCR and layout are CPU-bound), sixteen waiting at most ten seconds each; a request may take two minutes, an
/// upload, dossier, export or verification ten (a large upload is OCR of every page; docs/measurements.md has the times).
/// </summary>
public sealed record ApiLimits
{
    public long MaxUploadBytes { get; init; } = 64L * 1024 * 1024;
    public int MaxConcurrentWork { get; init; } = Math.Max(2, Environment.ProcessorCount);
    public int MaxQueuedWork { get; init; } = 16;
    public int MaxQueueWaitSeconds { get; init; } = 10;
    public int RequestTimeoutSeconds { get; init; } = 120;
    public int LongRequestTimeoutSeconds { get; init; } = 600;
    /// <summary>FormArchive:MaxMegapixels: pixels any one image may decode to (uploads, images inside PDFs, thumbnails).</summary>
    public long MaxPixels { get; init; } = FormArchive.Archive.Verify.DecodeLimits.DefaultMaxPixels;

    public FormArchive.Archive.Verify.DecodeLimits Decode => new() { MaxPixels = MaxPixels };

    public static ApiLimits From(IConfiguration config)
    {
        var d = new ApiLimits();
        return new ApiLimits
        {
            MaxUploadBytes = config.GetValue("FormArchive:MaxUploadBytes", d.MaxUploadBytes),
            MaxConcurrentWork = Math.Max(1, config.GetValue("FormArchive:MaxConcurrentWork", d.MaxConcurrentWork)),
            MaxQueuedWork = Math.Max(0, config.GetValue("FormArchive:MaxQueuedWork", d.MaxQueuedWork)),
            MaxQueueWaitSeconds = Math.Max(1, config.GetValue("FormArchive:MaxQueueWaitSeconds", d.MaxQueueWaitSeconds)),
            RequestTimeoutSeconds = Math.Max(1, config.GetValue("FormArchive:RequestTimeoutSeconds", d.RequestTimeoutSeconds)),
            LongRequestTimeoutSeconds = Math.Max(1, config.GetValue("FormArchive:LongRequestTimeoutSeconds", d.LongRequestTimeoutSeconds)),
            MaxPixels = (long)(Math.Max(0.01, config.GetValue("FormArchive:MaxMegapixels", d.MaxPixels / 1e6)) * 1e6),
        };
    }
}
