using System.Collections.Concurrent;
using FormArchive.Archive.Cases;
using FormArchive.Archive.Storage;
using FormArchive.Archive.Verify;

namespace FormArchive.Api.Cases;

/// <summary>
/// Page counts of stored PDFs for the 卷内目录. Objects are content-addressed and write-once, so a count
/// cached by SHA-256 never goes stale.
/// </summary>
public sealed class PdfPageCountCache
{
    private readonly ConcurrentDictionary<string, int> _bySha = new(StringComparer.Ordinal);

    public void Remember(string sha256, int pages) => _bySha[sha256] = pages;

    public async Task<IReadOnlyDictionary<int, int>> OfAsync(CaseArchive archive, CaseManifest m, CancellationToken ct)
    {
        var result = new Dictionary<int, int>();
        foreach (var d in m.Documents.Where(d => d.MediaType.Equals("application/pdf", StringComparison.OrdinalIgnoreCase)))
        {
            if (!_bySha.TryGetValue(d.Sha256, out var pages))
            {
                var bytes = await archive.Store.GetAsync(StoreArea.Vault, d.Key, ct);
                if (bytes is null) continue; // verify reports it; the directory just shows no page count
                pages = PdfInspector.Open(bytes).Pages;
                _bySha[d.Sha256] = pages;
            }
            result[d.No] = pages;
        }
        return result;
    }
}
