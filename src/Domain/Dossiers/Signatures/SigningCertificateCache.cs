using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace SoSucKhoe.Dossiers.Signatures;

/// <summary>
/// A bounded, thread-safe cache of signing certificates found in KeyInfo, keyed by the SHA-256 of the certificate's DER bytes
/// (which is also its SHA-256 thumbprint). A facility signs every dossier with the same certificate, so parsing it and importing
/// its RSA public key once per certificate instead of once per dossier removes most of the verification's per-document cost
/// and the certificate-handle churn (finalizers) that came with it.
/// </summary>
/// <remarks>
/// Entries are shared: the certificate and key handed out are owned by the cache and must not be disposed by callers. When the
/// cache is full an arbitrary entry is dropped; it is not disposed (another thread may still be using it) and is released by
/// the garbage collector, which is rare because a province has a few hundred certificates at most. Only parsed, RSA-keyed
/// certificates are cached; bytes that do not parse are refused every time.
/// </remarks>
public sealed class SigningCertificateCache
{
    /// <summary>Default bound: far above the number of facilities of a province, small enough to stay a few MiB.</summary>
    public const int DefaultCapacity = 1_024;

    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);

    public SigningCertificateCache(int capacity = DefaultCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
    }

    /// <summary>The process-wide cache used by the hub's intake.</summary>
    public static SigningCertificateCache Shared { get; } = new();

    public int Capacity { get; }

    /// <summary>Certificates cached now.</summary>
    public int Count => entries.Count;

    /// <summary>
    /// The certificate with these DER bytes and its RSA public key, parsed at most once while cached; null when the
    /// certificate has no RSA public key. Throws <see cref="CryptographicException"/> when the bytes are not a certificate.
    /// </summary>
    public Entry? GetOrAdd(ReadOnlySpan<byte> certificateBytes)
    {
        var thumbprint = Convert.ToHexString(SHA256.HashData(certificateBytes));
        if (entries.TryGetValue(thumbprint, out var cached))
        {
            return cached;
        }

        var certificate = X509CertificateLoader.LoadCertificate(certificateBytes);
        var key = certificate.GetRSAPublicKey();
        if (key is null)
        {
            certificate.Dispose();
            return null;
        }

        var entry = new Entry(thumbprint, certificate, key);
        while (entries.Count >= Capacity)
        {
            using var first = entries.Keys.GetEnumerator();
            if (!first.MoveNext())
            {
                break;
            }

            entries.TryRemove(first.Current, out _);
        }

        var winner = entries.GetOrAdd(thumbprint, entry);
        if (!ReferenceEquals(winner, entry))
        {
            // Another thread parsed the same certificate at the same time: keep its entry, release ours now (never shared).
            key.Dispose();
            certificate.Dispose();
        }

        return winner;
    }

    /// <summary>A cached certificate, its SHA-256 thumbprint (upper-case hex) and its RSA public key; owned by the cache.</summary>
    public sealed class Entry(string thumbprint, X509Certificate2 certificate, RSA publicKey)
    {
        /// <summary>SHA-256 of the DER bytes, upper-case hex (as <c>GetCertHashString(HashAlgorithmName.SHA256)</c>).</summary>
        public string Thumbprint { get; } = thumbprint;

        public X509Certificate2 Certificate { get; } = certificate;

        /// <summary>The imported public key; RSA verification with OpenSSL keys is safe from several threads at once.</summary>
        public RSA PublicKey { get; } = publicKey;
    }
}
