using System.Collections.Concurrent;

namespace FormArchive.Ingest.Ocr;

/// <summary>
/// Keeps Tesseract engines alive (initialising chi_sim+eng is slow and large; docs/measurements.md) and hands each to one
/// thread at a time. Engines are created lazily, per language set, and at most <see cref="MaxPerLanguage"/>
/// idle engines per language set are kept.
/// </summary>
public sealed class TesseractPool : IDisposable
{
    public const string Chinese = "chi_sim+eng";
    public const string English = "eng";
    public const string Osd = "osd";

    private readonly ConcurrentDictionary<string, ConcurrentBag<TesseractEngine>> _idle = new();
    private bool _disposed;

    public TesseractPool(int? maxPerLanguage = null) => MaxPerLanguage = maxPerLanguage ?? Math.Max(1, Environment.ProcessorCount);

    public int MaxPerLanguage { get; }

    /// <summary>A pool shared by the process.</summary>
    public static TesseractPool Shared { get; } = new();

    public Lease Rent(string languages)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var bag = _idle.GetOrAdd(languages, _ => []);
        return new Lease(this, bag.TryTake(out var engine) ? engine : new TesseractEngine(languages));
    }

    /// <summary>Runs <paramref name="work"/> with an engine of <paramref name="languages"/>.</summary>
    public T Use<T>(string languages, Func<TesseractEngine, T> work)
    {
        using var lease = Rent(languages);
        return work(lease.Engine);
    }

    private void Return(TesseractEngine engine)
    {
        var bag = _idle.GetOrAdd(engine.Languages, _ => []);
        if (_disposed || bag.Count >= MaxPerLanguage) { engine.Dispose(); return; }
        bag.Add(engine);
    }

    public void Dispose()
    {
        _disposed = true;
        foreach (var bag in _idle.Values)
            while (bag.TryTake(out var e)) e.Dispose();
    }

    /// <summary>An engine on loan; dispose to give it back.</summary>
    public sealed class Lease : IDisposable
    {
        private readonly TesseractPool _pool;
        private TesseractEngine? _engine;

        internal Lease(TesseractPool pool, TesseractEngine engine) { _pool = pool; _engine = engine; }

        public TesseractEngine Engine => _engine ?? throw new ObjectDisposedException(nameof(Lease));

        public void Dispose()
        {
            var e = Interlocked.Exchange(ref _engine, null);
            if (e is not null) _pool.Return(e);
        }
    }
}
