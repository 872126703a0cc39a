using System.Security.Cryptography;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.OpenSsl;
using Org.BouncyCastle.Pkcs;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;

namespace FormArchive.Archive.Seal;

/// <summary>
/// Ed25519 (BouncyCastle) signing of sealed manifests. Keys are PEM files (PKCS#8 / SubjectPublicKeyInfo,
/// readable by openssl); the embedded default generates its key pair on first use.
/// </summary>
public sealed class SealSigner
{
    public const string Algorithm = "Ed25519";
    private readonly Ed25519PrivateKeyParameters? _private;

    private SealSigner(Ed25519PrivateKeyParameters? privateKey, Ed25519PublicKeyParameters publicKey)
    {
        _private = privateKey;
        PublicKey = publicKey;
        KeyId = Convert.ToHexStringLower(SHA256.HashData(publicKey.GetEncoded()))[..16];
    }

    public Ed25519PublicKeyParameters PublicKey { get; }

    /// <summary>First 16 hex digits of SHA-256 of the raw public key; recorded in each sealed manifest.</summary>
    public string KeyId { get; }

    /// <summary>Loads the private key at <paramref name="path"/>, creating a new key pair (and PATH.pub) if absent.</summary>
    public static SealSigner LoadOrCreate(string path)
    {
        if (File.Exists(path)) return Load(path);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var gen = new Ed25519KeyPairGenerator();
        gen.Init(new Ed25519KeyGenerationParameters(new SecureRandom()));
        var pair = gen.GenerateKeyPair();
        var priv = (Ed25519PrivateKeyParameters)pair.Private;
        var tmp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        using (var fs = new FileStream(tmp, FileMode.CreateNew))
        {
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(tmp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            using var w = new StreamWriter(fs);
            new PemWriter(w).WriteObject(new Org.BouncyCastle.Utilities.IO.Pem.PemObject("PRIVATE KEY",
                PrivateKeyInfoFactory.CreatePrivateKeyInfo(priv).GetEncoded()));
        }
        try
        {
            File.Move(tmp, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process created the key first: use that one.
            File.Delete(tmp);
            return Load(path);
        }
        var signer = new SealSigner(priv, priv.GeneratePublicKey());
        File.WriteAllText(path + ".pub", signer.PublicKeyPem());
        return signer;
    }

    public static SealSigner Load(string path)
    {
        using var r = new StreamReader(path);
        var pem = new PemReader(r).ReadPemObject() ?? throw new InvalidOperationException($"no PEM key in {path}");
        return pem.Type switch
        {
            "PRIVATE KEY" when PrivateKeyFactory.CreateKey(pem.Content) is Ed25519PrivateKeyParameters p => new SealSigner(p, p.GeneratePublicKey()),
            "PUBLIC KEY" when PublicKeyFactory.CreateKey(pem.Content) is Ed25519PublicKeyParameters q => new SealSigner(null, q),
            _ => throw new InvalidOperationException($"{path} is not an Ed25519 key"),
        };
    }

    /// <summary>A verify-only signer from a public key PEM (what an auditor is given).</summary>
    public static SealSigner FromPublicPem(string pem)
    {
        using var r = new StringReader(pem);
        var obj = new PemReader(r).ReadPemObject() ?? throw new InvalidOperationException("no PEM public key");
        return PublicKeyFactory.CreateKey(obj.Content) is Ed25519PublicKeyParameters q
            ? new SealSigner(null, q)
            : throw new InvalidOperationException("not an Ed25519 public key");
    }

    public string PublicKeyPem()
    {
        using var w = new StringWriter();
        new PemWriter(w).WriteObject(new Org.BouncyCastle.Utilities.IO.Pem.PemObject("PUBLIC KEY",
            SubjectPublicKeyInfoFactory.CreateSubjectPublicKeyInfo(PublicKey).GetEncoded()));
        return w.ToString();
    }

    public byte[] Sign(ReadOnlySpan<byte> data)
    {
        if (_private is null) throw new InvalidOperationException("this key can only verify");
        var s = new Ed25519Signer();
        s.Init(true, _private);
        s.BlockUpdate(data);
        return s.GenerateSignature();
    }

    public bool Verify(ReadOnlySpan<byte> data, byte[] signature)
    {
        var s = new Ed25519Signer();
        s.Init(false, PublicKey);
        s.BlockUpdate(data);
        return s.VerifySignature(signature);
    }
}
