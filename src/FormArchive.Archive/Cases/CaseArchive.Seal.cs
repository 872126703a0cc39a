using System.Text;
using System.Text.Json;
using FormArchive.Archive.Seal;
using FormArchive.Archive.Storage;

namespace FormArchive.Archive.Cases;

// Sealing: the signed manifest, the seal event, retention; and reading a seal back and checking it.
public sealed partial class CaseArchive
{
    /// <summary>
    /// Seals the case: repairs it (objects no entry lists are recorded as unreferenced, abandoned temporary
    /// files removed), refuses it if it is damaged or a listed object is missing, writes the signed manifest to
    /// the vault, appends the seal event (after which every write is refused), then puts the case's vault
    /// objects under retention.
    /// </summary>
    public async Task<SealResult> SealAsync(string caseId, string clerk, CancellationToken ct = default)
    {
        var state = StateOf(CaseKeys.CheckId(caseId));
        await state.Gate.WaitAsync(ct);
        CaseManifest sealedCase;
        byte[] manifestBytes, signature;
        try
        {
            while (true)
            {
                var m = await RefreshAsync(caseId, state, ct);
                RefuseWrites(m);
                m = (await RepairOpenCaseAsync(caseId, state, m, ct)).Case;
                // Logged before the seal event so that a crash after it cannot leave a seal nobody logged.
                await LogAccessAsync(caseId, "seal", clerk, ct);
                CrashPoint.Reach("seal.repaired");
                var at = Now();
                var manifest = SealedManifestOf(caseId, m, clerk, at);
                manifestBytes = ArchiveJson.Bytes(manifest);
                signature = Signer.Sign(manifestBytes);
                var sha = await WriteSignedManifestAsync(caseId, manifestBytes, signature, ct);
                var ev = NextEvent(m, ArchiveEvent.Sealed, clerk) with { At = at, SealedManifest = sha };
                var next = await TryAppendAsync(caseId, state, m, ev, ct, "seal");
                if (next is not null)
                {
                    sealedCase = state.Manifest = next with { SealedReference = manifest.ArchivalReference };
                    // Indexed again now that it holds the signed reference: the catalog keeps that 档号 whatever the settings say later.
                    await IndexAsync(sealedCase);
                    break;
                }
                // Someone filed a document meanwhile: that manifest is out of date; seal again.
                await DeleteQuietlyAsync(CaseKeys.SealedManifest(caseId, sha));
                await DeleteQuietlyAsync(CaseKeys.SealedSignature(caseId, sha));
            }
        }
        finally
        {
            state.Gate.Release();
        }
        CrashPoint.Reach("seal.retain");
        await RetainAsync(sealedCase, ct);
        return new SealResult(sealedCase, manifestBytes, signature);
    }

    private async Task RetainAsync(CaseManifest sealedCase, CancellationToken ct)
    {
        var until = Retention.Until(sealedCase.SealedAt!.Value);
        var keys = sealedCase.Documents.Select(d => d.Key).Distinct()
            .Append(CaseKeys.SealedManifest(sealedCase.CaseId, sealedCase.SealedManifestSha256!))
            .Append(CaseKeys.SealedSignature(sealedCase.CaseId, sealedCase.SealedManifestSha256!));
        await Parallel.ForEachAsync(keys, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct },
            async (key, c) => await Store.RetainAsync(key, Retention, until, c));
    }

    /// <summary>What the seal signs: the case as it stands now, where it is filed, who seals it and when, and its retention.</summary>
    private SealedManifest SealedManifestOf(string caseId, CaseManifest m, string clerk, DateTimeOffset at) => new()
    {
        CaseId = caseId,
        Metadata = m.Metadata,
        Documents = m.Documents,
        // Where the case is filed, as configured now: signed, so later configuration cannot change it.
        ArchivalReference = ArchivalReference.Of(m.Metadata, Fonds),
        Unreferenced = m.Unreferenced.Count > 0 ? m.Unreferenced : null,
        SealedAt = at,
        SealedBy = clerk,
        EventSeq = m.Seq,
        EventHead = m.Head!,
        SignatureAlgorithm = SealSigner.Algorithm,
        KeyId = Signer.KeyId,
        RetentionMode = Retention.Mode.ToString().ToUpperInvariant(),
        RetainUntil = Retention.Until(at),
    };

    /// <summary>Writes the signed manifest and its signature to the vault, before the seal event names them; returns the manifest's SHA-256.</summary>
    private async Task<string> WriteSignedManifestAsync(string caseId, byte[] manifestBytes, byte[] signature, CancellationToken ct)
    {
        var sha = ContentDigest.Sha256Hex(manifestBytes);
        await Store.TryCreateAsync(StoreArea.Vault, CaseKeys.SealedManifest(caseId, sha), manifestBytes, ct);
        CrashPoint.Reach("seal.manifest");
        await Store.TryCreateAsync(StoreArea.Vault, CaseKeys.SealedSignature(caseId, sha), Encoding.ASCII.GetBytes(Convert.ToBase64String(signature)), ct);
        CrashPoint.Reach("seal.signature");
        return sha;
    }

    /// <summary>The sealed manifest's exact bytes and signature, as stored in the vault.</summary>
    public async Task<SealResult> ReadSealAsync(string caseId, CancellationToken ct = default)
    {
        var m = await GetManifestAsync(caseId, ct);
        if (!m.Sealed || m.SealedManifestSha256 is null) throw new InvalidOperationException($"case {caseId} is not sealed");
        var bytes = await Store.GetAsync(StoreArea.Vault, CaseKeys.SealedManifest(caseId, m.SealedManifestSha256), ct)
                    ?? throw new ArchiveCorruptException($"case {caseId}: sealed manifest is missing");
        var sig = await Store.GetAsync(StoreArea.Vault, CaseKeys.SealedSignature(caseId, m.SealedManifestSha256), ct)
                  ?? throw new ArchiveCorruptException($"case {caseId}: seal signature is missing");
        return new SealResult(m, bytes, Convert.FromBase64String(Encoding.ASCII.GetString(sig).Trim()));
    }

    /// <summary>
    /// The seal's who and when and the archival reference it recorded, read from the signed manifest; a seal event that says otherwise, or a manifest
    /// that is missing, altered or unsigned, flags the case damaged.
    /// </summary>
    private async Task<CaseManifest> WithSignedSealFactsAsync(CaseManifest m, CancellationToken ct)
    {
        var sha = m.SealedManifestSha256;
        var bytes = sha is null ? null : await Store.GetAsync(StoreArea.Vault, CaseKeys.SealedManifest(m.CaseId, sha), ct);
        var sig = sha is null ? null : await Store.GetAsync(StoreArea.Vault, CaseKeys.SealedSignature(m.CaseId, sha), ct);
        if (bytes is null || sig is null) return m with { Damage = "the signed manifest of the seal is missing" };
        if (ContentDigest.Sha256Hex(bytes) != sha) return m with { Damage = "the sealed manifest differs from the hash in the seal event" };
        bool signed;
        try { signed = Signer.Verify(bytes, Convert.FromBase64String(Encoding.ASCII.GetString(sig).Trim())); }
        catch (FormatException) { signed = false; }
        if (!signed) return m with { Damage = $"the sealed manifest's signature does not verify with key {Signer.KeyId}" };
        SealedManifest signedManifest;
        try { signedManifest = ArchiveJson.Read<SealedManifest>(bytes, "sealed manifest"); }
        catch (JsonException) { return m with { Damage = "the sealed manifest is not readable" }; }
        var checkedCase = m with { SealedAt = signedManifest.SealedAt, SealedBy = signedManifest.SealedBy, SealedReference = signedManifest.ArchivalReference };
        return m.SealedAt == signedManifest.SealedAt && m.SealedBy == signedManifest.SealedBy
            ? checkedCase
            : checkedCase with { Damage = "the seal event's actor or time differs from the signed manifest" };
    }

    private async Task DeleteQuietlyAsync(string key)
    {
        try { await Store.DeleteAsync(StoreArea.Vault, key); }
        catch (Exception e) when (e is ArchiveStorageException or IOException) { }
    }
}

/// <summary>A sealed case with the exact bytes that were signed and the signature.</summary>
public sealed record SealResult(CaseManifest Case, byte[] ManifestBytes, byte[] Signature);
