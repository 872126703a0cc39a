using FormArchive.Ingest.Ocr;

namespace FormArchive.Ingest.Recognition;

/// <summary>
/// The reads of one ID number line, counted: each valid number with how many reads gave it, each invalid one, and the
/// 17-digit bodies of reads that gave no whole number. <see cref="IdNumberConfirmer"/> adds reads until they are
/// <see cref="Settled"/>, then takes the <see cref="Verdict"/>.
/// </summary>
internal sealed class IdNumberVotes(IdNumberLine found)
{
    private readonly Dictionary<string, (int Count, bool Corrected)> _votes = new();
    private readonly Dictionary<string, int> _invalidVotes = new();
    private readonly Dictionary<string, int> _bodies = new();
    private int _validReads;
    private string? _bestRaw;

    /// <summary>
    /// Two reads agree on a valid number, or enough on an invalid one (a stroke across a digit repeats the same
    /// misread in the first cuts; the darkest ink alone, read early, parts it from the print).
    /// </summary>
    public bool Settled =>
        _votes.Keys.Any(n => Support(n) >= 2) || (_votes.Count == 0 && _invalidVotes.Values.Any(v => v >= IdNumberConfirmer.InvalidAgreement));

    /// <summary>Counts one read of the line (its text after the label).</summary>
    public void Add(string text)
    {
        var raws = IdNumberRules.RawCandidates(text);
        // A read gives whole numbers or, failing those, bodies (17 digits then an X is a whole number, read once).
        if (raws.Count == 0)
            foreach (var body in IdNumberRules.BodyCandidates(text)) _bodies[body] = _bodies.GetValueOrDefault(body) + 1;
        foreach (var raw in raws)
        {
            _bestRaw ??= raw;
            var c = IdNumberRules.Check(raw);
            if (c.Valid is null && WithCardBirthDate(raw) is { } fixedRaw && IdNumberRules.Check(fixedRaw) is { Valid: not null } f)
                c = f with { Corrected = true };
            if (c.Valid is null)
            {
                _invalidVotes[raw] = _invalidVotes.GetValueOrDefault(raw) + 1;
                continue;
            }
            if (found.PrintedBirthDate is { } birth && c.Valid.Substring(6, 8) != IdNumberRules.BirthDigits(birth)) continue;
            _validReads++;
            _votes[c.Valid] = _votes.TryGetValue(c.Valid, out var v) ? (v.Count + 1, v.Corrected && c.Corrected) : (1, c.Corrected);
        }
    }

    /// <summary>The number on the line, valid or not; null when no read held an 18-character number at all.</summary>
    public IdNumberRead? Verdict(PixelBox box) => _votes.Count == 0 ? InvalidNumber(box) : MostSupported(box);

    /// <summary>
    /// Reads for a valid number: one of the reads that gave it, plus — a read of the first 17 digits alone (the end of
    /// the line under a stroke) agrees with a valid read that begins so, the check character following from them — the
    /// bodies that begin it. Not while any read gives those 17 another last character that fails the checksum: the card
    /// may carry an invalid number, misread valid once.
    /// </summary>
    private int Support(string number) =>
        _votes[number].Count
        + (_invalidVotes.Keys.Any(k => k.StartsWith(number[..17], StringComparison.Ordinal)) ? 0 : _bodies.GetValueOrDefault(number[..17]));

    /// <summary>A read whose birth-date digits differ from the 出生 printed on the same card, with those digits taken from there.</summary>
    private string? WithCardBirthDate(string raw)
    {
        if (found.CardBirthDate is not { } printed || raw.Length != 18) return null;
        var date = IdNumberRules.BirthDigits(printed);
        return raw.Substring(6, 8) == date ? null : raw[..6] + date + raw[14..];
    }

    /// <summary>No read validated: the invalid number most reads agree on (the first read when none repeats).</summary>
    private IdNumberRead? InvalidNumber(PixelBox box)
    {
        if (_bestRaw is null) return null;
        var (raw, agreeing) = _invalidVotes.Count == 0 ? (_bestRaw, 1) : _invalidVotes.MaxBy(v => v.Value) is var m ? (m.Key, m.Value) : default;
        return new IdNumberRead
        {
            Number = raw, IsValid = false, Confidence = 0, AgreeingReads = 0, Box = box, ConsistentlyInvalid = agreeing >= IdNumberConfirmer.InvalidAgreement,
            Problem = agreeing >= IdNumberConfirmer.InvalidAgreement ? "号码本身未通过校验（多次识别一致）" : "校验未通过（校验码、出生日期或地区码）",
        };
    }

    /// <summary>The valid number with the most support: confirmed when two reads agree on it and no other has as many.</summary>
    private IdNumberRead MostSupported(PixelBox box)
    {
        var ordered = _votes.Select(v => (Number: v.Key, Count: Support(v.Key), v.Value.Corrected)).OrderByDescending(v => v.Count).ToList();
        var (number, count, corrected) = ordered[0];
        bool tie = ordered.Count > 1 && ordered[1].Count == count;
        bool valid = count >= 2 && !tie;
        return new IdNumberRead
        {
            Number = number, IsValid = valid, Confidence = Math.Round((double)count / (_validReads + count - _votes[number].Count), 2),
            AgreeingReads = count, Corrected = corrected, Box = box,
            Problem = valid ? null : tie ? "多次识别结果不一致" : "仅一次识别通过校验",
        };
    }
}
