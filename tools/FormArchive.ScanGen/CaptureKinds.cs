using FormArchive.Domain;
using ImageMagick;

namespace FormArchive.ScanGen;

/// <summary>
/// The capture kinds: documents photographed by a document camera or phone, A4 photocopies, photographed 户口簿
/// cards and the negatives (bank cards, a card whose number fails the checksum, hospital pages). Each call draws
/// one image from its <c>rng</c> only, so a seed gives the same image on any thread.
/// </summary>
public static class CaptureKinds
{
    public static (byte[] Jpeg, ScanTruth Truth) Make(Random rng, SyntheticKind kind, SyntheticPerson? person = null, CaptureOptions? options = null)
    {
        var o = options ?? new CaptureOptions();
        // 长期 cards belong to holders of 46 and over
        person ??= o.LongTerm == true ? SyntheticPerson.Create(rng, 1940, 1972) : SyntheticPerson.Create(rng);
        return kind switch
        {
            SyntheticKind.CameraIdFront => CardFront(rng, kind, person, person.IdNumber, o),
            SyntheticKind.BadChecksumId => CardFront(rng, kind, person, WrongCheck(rng, person.IdNumber), o),
            SyntheticKind.CameraIdBack => CardBack(rng, person, o),
            SyntheticKind.CameraBankCard => BankCard(rng, o),
            SyntheticKind.Photocopy => Photocopy(rng, person, o),
            SyntheticKind.CameraHukouMember => Hukou(rng, person, o),
            SyntheticKind.HospitalPage => Hospital(rng, person, o),
            SyntheticKind.CameraIdBoth => CardBoth(rng, person, o),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a capture kind"),
        };
    }

    /// <summary>The number with its check character replaced by another, so GB 11643 rejects it.</summary>
    public static string WrongCheck(Random rng, string valid)
    {
        const string chars = "0123456789X";
        string bad;
        do bad = valid[..17] + chars[rng.Next(chars.Length)];
        while (bad == valid);
        return ChineseIdNumber.IsValid(bad) ? throw new InvalidOperationException("check character still valid") : bad;
    }

    private static (int Quarter, double Skew) Orientation(Random rng, CaptureOptions o)
    {
        int q = rng.Next(4) * 90;
        return (o.Quarter ?? q, Math.Round(rng.Range(-18, 18), 2));
    }

    private static ScanTruth Camera(SyntheticKind kind, CameraResult r, CameraPlan plan) => new()
    {
        File = "", Kind = kind, Style = "camera", SkewDegrees = plan.Skew, QuarterTurn = plan.Quarter,
        Dpi = (int)Math.Round(r.PxPerMm * 25.4), Corners = r.Corners, Width = r.Width, Height = r.Height,
        JpegQuality = r.Quality, BlurSigma = r.Blur, Desk = r.Desk, DocumentArea = plan.AreaFraction,
    };

    private static (byte[], ScanTruth) CardFront(Random rng, SyntheticKind kind, SyntheticPerson p, string printed, CaptureOptions o)
    {
        var (q, skew) = Orientation(rng, o);
        var plan = CameraScene.Plan(rng, IdCardFaces.WidthMm, IdCardFaces.HeightMm, q, skew, small: o.SmallFrames);
        bool pick = rng.Next(2) == 0;
        bool ocrB = CaptureFonts.OcrB is not null && (o.OcrB ?? pick);
        using var face = IdCardFaces.Front(rng, p, plan.PxPerMm, printed, ocrB);
        var r = CameraScene.Shoot(rng, plan, face, [(0, 0, face.Width, face.Height)]);
        bool valid = printed == p.IdNumber;
        return (r.Jpeg, Camera(kind, r, plan) with
        {
            Number = valid ? printed : null,
            Numbers = valid ? [printed] : [],
            PrintedNumber = valid ? null : printed,
            Name = p.Name,
            Person = PersonTruth.Of(p) with { IdNumber = valid ? p.IdNumber : null },
            NumberFont = ocrB ? "ocr-b" : "sans",
        });
    }

    private static (byte[], ScanTruth) CardBack(Random rng, SyntheticPerson p, CaptureOptions o)
    {
        var (q, skew) = Orientation(rng, o);
        var plan = CameraScene.Plan(rng, IdCardFaces.WidthMm, IdCardFaces.HeightMm, q, skew, small: o.SmallFrames);
        bool expire = rng.NextDouble() < 0.35;
        var facts = CardBackFacts.For(rng, p, o.Expired ?? expire, o.LongTerm);
        using var face = IdCardFaces.Back(rng, plan.PxPerMm, facts.IssuingAuthority, facts.Printed);
        var r = CameraScene.Shoot(rng, plan, face, [(0, 0, face.Width, face.Height)]);
        return (r.Jpeg, Camera(SyntheticKind.CameraIdBack, r, plan) with
        {
            Numbers = [],
            IssuingAuthority = facts.IssuingAuthority,
            ValidFrom = facts.ValidFrom.ToString("yyyy-MM-dd"),
            ValidTo = facts.ValidToText,
            Expired = facts.Expired,
        });
    }

    /// <summary>
    /// Both sides of one card photographed together, side by side or one above the other a few millimetres apart, as a
    /// clerk lays them under a document camera; the back often lies turned (half a turn, or a quarter) against the front.
    /// </summary>
    private static (byte[], ScanTruth) CardBoth(Random rng, SyntheticPerson p, CaptureOptions o)
    {
        var (q, skew) = Orientation(rng, o);
        bool sideBySide = rng.NextDouble() < 0.6;
        int backTurn = rng.NextDouble() switch { < 0.45 => 0, < 0.8 => 180, < 0.9 => 90, _ => 270 };
        double gapMm = rng.Range(4, 15), cw = IdCardFaces.WidthMm, ch = IdCardFaces.HeightMm;
        // The back's place: a quarter turn stands it on end.
        double bw = backTurn % 180 == 0 ? cw : ch, bh = backTurn % 180 == 0 ? ch : cw;
        double wMm = sideBySide ? cw + gapMm + bw : Math.Max(cw, bw), hMm = sideBySide ? Math.Max(ch, bh) : ch + gapMm + bh;
        var plan = CameraScene.Plan(rng, wMm, hMm, q, skew, 0.3, 0.7, o.SmallFrames);
        double k = plan.PxPerMm;
        bool ocrB = CaptureFonts.OcrB is not null && (o.OcrB ?? rng.Next(2) == 0);
        using var front = IdCardFaces.Front(rng, p, k, p.IdNumber, ocrB);
        var facts = CardBackFacts.For(rng, p, o.Expired ?? rng.NextDouble() < 0.35, o.LongTerm);
        using var back = IdCardFaces.Back(rng, k, facts.IssuingAuthority, facts.Printed);
        if (backTurn != 0) back.Rotate(backTurn);
        using var both = new MagickImage(MagickColors.Transparent, (uint)Math.Ceiling(wMm * k), (uint)Math.Ceiling(hMm * k));
        int fx = 0, fy = sideBySide ? (int)((both.Height - front.Height) / 2) : 0;
        int bx = sideBySide ? (int)Math.Round((cw + gapMm) * k) : (int)((both.Width - back.Width) / 2);
        int by = sideBySide ? (int)((both.Height - back.Height) / 2) : (int)Math.Round((ch + gapMm) * k);
        both.Composite(front, fx, fy, CompositeOperator.Over);
        both.Composite(back, bx, by, CompositeOperator.Over);
        var r = CameraScene.Shoot(rng, plan, both, [(fx, fy, front.Width, front.Height), (bx, by, back.Width, back.Height)]);
        return (r.Jpeg, Camera(SyntheticKind.CameraIdBoth, r, plan) with
        {
            Number = p.IdNumber,
            Numbers = [p.IdNumber],
            Name = p.Name,
            Person = PersonTruth.Of(p),
            NumberFont = ocrB ? "ocr-b" : "sans",
            Variant = (sideBySide ? "side-by-side" : "one-above-the-other") + $", back turned {backTurn}",
            IssuingAuthority = facts.IssuingAuthority,
            ValidFrom = facts.ValidFrom.ToString("yyyy-MM-dd"),
            ValidTo = facts.ValidToText,
            Expired = facts.Expired,
        });
    }

    private static (byte[], ScanTruth) BankCard(Random rng, CaptureOptions o)
    {
        var (q, skew) = Orientation(rng, o);
        var plan = CameraScene.Plan(rng, IdCardFaces.WidthMm, IdCardFaces.HeightMm, q, skew, small: o.SmallFrames);
        using var face = BankCardFace.Draw(rng, plan.PxPerMm, out var number);
        var r = CameraScene.Shoot(rng, plan, face, [(0, 0, face.Width, face.Height)]);
        return (r.Jpeg, Camera(SyntheticKind.CameraBankCard, r, plan) with { Numbers = [], BankNumber = number });
    }

    private static (byte[], ScanTruth) Photocopy(Random rng, SyntheticPerson p, CaptureOptions o)
    {
        bool two = rng.NextDouble() < 0.33;
        var second = o.TwoPeople ?? two ? SyntheticPerson.Create(rng) : null;
        bool expire = rng.NextDouble() < 0.3;
        var (jpeg, f) = PhotocopyPage.Make(rng, p, second, o.Expired ?? expire, o);
        var numbers = f.People.Select(x => x.IdNumber).ToList();
        return (jpeg, new ScanTruth
        {
            File = "", Kind = SyntheticKind.Photocopy, Style = "photocopy", Variant = second is null ? "front-back" : "two-fronts",
            Number = numbers[0], Numbers = numbers, Name = p.Name, Person = PersonTruth.Of(p),
            People = f.People.Select(x => PersonTruth.Of(x)).ToList(),
            IssuingAuthority = f.Back?.IssuingAuthority, ValidFrom = f.Back?.ValidFrom.ToString("yyyy-MM-dd"), ValidTo = f.Back?.ValidToText, Expired = f.Back?.Expired,
            Note = f.Note, Corners = f.Corners, SkewDegrees = f.Skew, QuarterTurn = f.Quarter, Dpi = f.Dpi, JpegQuality = f.Quality,
            Width = f.Width, Height = f.Height,
        });
    }

    private static (byte[], ScanTruth) Hukou(Random rng, SyntheticPerson p, CaptureOptions o)
    {
        var (q, skew) = Orientation(rng, o);
        double wMm = HukouRegisterCard.PageWmm + 2 * HukouRegisterCard.CoverMm, hMm = HukouRegisterCard.PageHmm + 2 * HukouRegisterCard.CoverMm;
        var plan = CameraScene.Plan(rng, wMm, hMm, q, skew, 0.35, 0.6, o.SmallFrames);
        using var page = HukouRegisterCard.Draw(rng, p, plan.PxPerMm, out var facts, out var rect, o);
        var r = CameraScene.Shoot(rng, plan, page, [rect]);
        return (r.Jpeg, Camera(SyntheticKind.CameraHukouMember, r, plan) with
        {
            Number = p.IdNumber,
            Numbers = [p.IdNumber],
            Name = p.Name,
            Person = PersonTruth.Of(p, facts.Relationship),
            HouseholdNumber = facts.HouseholdNumber,
            NumberLabel = facts.NumberLabel,
            GridCrossesNumber = facts.GridCrossesNumber,
        });
    }

    private static (byte[], ScanTruth) Hospital(Random rng, SyntheticPerson p, CaptureOptions o)
    {
        double v = rng.NextDouble();
        string variant = o.Variant ?? (v < 0.5 ? "with-id" : v < 0.75 ? "no-id" : "decoy");
        bool camera = rng.NextDouble() < 0.4;
        HospitalFacts facts;
        ScanTruth truth;
        byte[] jpeg;
        if (camera)
        {
            var (q, skew) = (rng.NextDouble() < 0.8 ? 0 : rng.Next(1, 4) * 90, Math.Round(rng.Range(-10, 10), 2));
            var plan = CameraScene.Plan(rng, HospitalPage.WidthMm, HospitalPage.HeightMm, o.Quarter ?? q, skew, 0.45, 0.75, o.SmallFrames);
            using var page = HospitalPage.Draw(rng, p, plan.PxPerMm, variant, out facts);
            var r = CameraScene.Shoot(rng, plan, page, [(0, 0, page.Width, page.Height)]);
            jpeg = r.Jpeg;
            truth = Camera(SyntheticKind.HospitalPage, r, plan);
        }
        else
        {
            int dpi = rng.Pick(new[] { 150, 200 });
            using var page = HospitalPage.Draw(rng, p, dpi / 25.4, variant, out facts);
            var s = FlatbedScan.Scan(rng, Raster.Of(page, 3), 3, 0.2, 250, o.Quarter);
            int quality = Math.Min(rng.Next(60, 89), o.SmallFrames ? 80 : 88);
            using (var img = s.Scan.ToImage()) jpeg = CameraScene.Encode(img, quality);
            int wPx = (int)page.Width, hPx = (int)page.Height;
            truth = new ScanTruth
            {
                File = "", Kind = SyntheticKind.HospitalPage, Style = "flatbed", Dpi = dpi,
                Corners = [new[] { s.Map.Map(0, 0), s.Map.Map(wPx, 0), s.Map.Map(wPx, hPx), s.Map.Map(0, hPx) }.Select(p => new[] { Math.Round(p.X, 1), Math.Round(p.Y, 1) }).ToArray()],
                SkewDegrees = s.Skew, QuarterTurn = s.Quarter, Width = wPx, Height = hPx, JpegQuality = quality,
            };
        }
        return (jpeg, truth with
        {
            Variant = variant,
            Number = facts.IdNumber,
            Numbers = facts.IdNumber is null ? [] : [facts.IdNumber],
            Name = p.Name,
            Person = PersonTruth.Of(p) with { IdNumber = facts.IdNumber },
            PrintedNumber = facts.Decoy,
            OtherNumbers = facts.OtherNumbers,
            Note = facts.Title,
        });
    }
}
