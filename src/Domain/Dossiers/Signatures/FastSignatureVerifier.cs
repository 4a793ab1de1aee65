using System.Buffers;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using SoSucKhoe.Dossiers.Reading;

namespace SoSucKhoe.Dossiers.Signatures;

/// <summary>
/// The streaming fast path of <see cref="DossierSignatureVerifier"/>: one <see cref="EnvelopedSignatureScanner"/> pass, a SHA-256
/// comparison with DigestValue and one RSA PKCS#1 v1.5 SHA-256 check of the canonical SignedInfo. It can only say Valid: for
/// any other shape, any mismatch and any exception it answers null and the caller runs the general SignedXml verifier, which
/// names the refusal. It never throws.
/// </summary>
internal static class FastSignatureVerifier
{
    /// <summary>Longest signature value accepted (RSA-8192).</summary>
    private const int MaxSignatureBytes = 1024;

    [ThreadStatic]
    private static EnvelopedSignatureScanner? t_scanner;

    /// <summary>
    /// The Valid result for a document whose signature checks on the fast path; null when the fast path cannot vouch for it.
    /// The document must have passed <c>DocumentPrecheck</c>.
    /// </summary>
    public static SignatureVerification? TryVerify(ReadOnlyMemory<byte> document, DossierReaderOptions options,
        SigningCertificateCache certificates, bool callerOwnsCertificate)
    {
        // The scanner is taken off the thread while in use, so a nested call (none is expected) would get its own.
        var scanner = t_scanner ?? new EnvelopedSignatureScanner();
        t_scanner = null;
        var reusable = false;
        try
        {
            var result = Verify(scanner, document, options, certificates, callerOwnsCertificate);
            reusable = true;
            return result;
        }
        catch (Exception)
        {
            // Malformed XML, a certificate that does not parse, anything unexpected: the general verifier decides.
            return null;
        }
        finally
        {
            if (reusable)
            {
                scanner.Clear();
                t_scanner = scanner;
            }
            else
            {
                scanner.Dispose();
            }
        }
    }

    private static SignatureVerification? Verify(EnvelopedSignatureScanner scanner, ReadOnlyMemory<byte> document,
        DossierReaderOptions options, SigningCertificateCache certificates, bool callerOwnsCertificate)
    {
        if (!scanner.Scan(document, options))
        {
            return null;
        }

        Span<byte> digest = stackalloc byte[32];
        scanner.FinishDigest(digest);
        Span<byte> claimed = stackalloc byte[48];
        if (!Convert.TryFromBase64String(scanner.DigestValue, claimed, out var claimedLength) || claimedLength != digest.Length
            || !digest.SequenceEqual(claimed[..claimedLength]))
        {
            return null;
        }

        Span<byte> signature = stackalloc byte[MaxSignatureBytes];
        if (!Convert.TryFromBase64String(scanner.SignatureValue, signature, out var signatureLength) || signatureLength == 0)
        {
            return null;
        }

        var rented = ArrayPool<byte>.Shared.Rent(scanner.Certificate.Length);
        try
        {
            if (!Convert.TryFromBase64String(scanner.Certificate, rented, out var certificateLength) || certificateLength == 0)
            {
                return null;
            }

            var certificateBytes = rented.AsSpan(0, certificateLength);
            var entry = certificates.GetOrAdd(certificateBytes);
            if (entry is null
                || !entry.PublicKey.VerifyData(scanner.SignedInfo, signature[..signatureLength], HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1))
            {
                return null;
            }

            var certificate = callerOwnsCertificate ? X509CertificateLoader.LoadCertificate(certificateBytes) : entry.Certificate;
            return DossierSignatureVerifier.ValidResult(certificate, entry.Thumbprint);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
