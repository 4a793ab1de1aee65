using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace SoSucKhoe.TestData;

/// <summary>
/// Self-signed RSA-2048 test certificates for facilities. Key generation is slow, so one key per
/// facility code is cached for the life of the process; certificates with other validity windows
/// reuse that key. Keys are random per process (not derived from a seed).
/// </summary>
public static class FacilityCertificates
{
    private static readonly ConcurrentDictionary<string, Lazy<RSA>> Keys = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, Lazy<X509Certificate2>> Defaults = new(StringComparer.Ordinal);

    /// <summary>The cached default certificate (valid from 2020-01-01 to 2099-12-31 UTC) for a facility.</summary>
    public static X509Certificate2 For(SyntheticFacility facility) => For(facility.Code);

    /// <inheritdoc cref="For(SyntheticFacility)"/>
    public static X509Certificate2 For(string facilityCode) =>
        Defaults.GetOrAdd(
            facilityCode,
            code => new Lazy<X509Certificate2>(() => Create(
                code,
                new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero),
                new DateTimeOffset(2099, 12, 31, 0, 0, 0, TimeSpan.Zero)))).Value;

    /// <summary>
    /// Creates a certificate for the facility's cached key with the given validity window
    /// (use past or future windows for expired / not-yet-valid cases). Not cached.
    /// </summary>
    public static X509Certificate2 Create(string facilityCode, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(facilityCode);
        return Create(facilityCode, KeyFor(facilityCode), notBefore, notAfter);
    }

    /// <summary>
    /// Creates a self-signed signing certificate of the facility for <paramref name="key"/> (the caller's own key, e.g. one to
    /// export as a PEM file), with the same subject and extensions as the cached ones.
    /// </summary>
    public static X509Certificate2 Create(string facilityCode, RSA key, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(facilityCode);
        ArgumentNullException.ThrowIfNull(key);
        var subject = new X500DistinguishedName(
            $"CN=MA_CSKCB {facilityCode}, OU={facilityCode}, O=SoSucKhoe synthetic facility, C=VN");
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(
            X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request.CreateSelfSigned(notBefore, notAfter);
    }

    /// <summary>The cached RSA-2048 key of a facility (created on first use).</summary>
    public static RSA KeyFor(string facilityCode) =>
        Keys.GetOrAdd(facilityCode, _ => new Lazy<RSA>(() => RSA.Create(2048))).Value;

    /// <summary>
    /// Writes <c>{code}.crt.pem</c>, <c>{code}.key.pem</c> (unencrypted PKCS#8) and <c>{code}.pfx</c>
    /// into <paramref name="folder"/> for external signers (e.g. xmlsec1).
    /// </summary>
    public static ExportedCertificate Export(X509Certificate2 certificate, string folder, string fileStem, string pfxPassword = "test")
    {
        Directory.CreateDirectory(folder);
        using var key = certificate.GetRSAPrivateKey()
            ?? throw new InvalidOperationException("The certificate has no RSA private key.");
        var certPath = Path.Combine(folder, fileStem + ".crt.pem");
        var keyPath = Path.Combine(folder, fileStem + ".key.pem");
        var pfxPath = Path.Combine(folder, fileStem + ".pfx");
        File.WriteAllText(certPath, certificate.ExportCertificatePem() + "\n");
        File.WriteAllText(keyPath, key.ExportPkcs8PrivateKeyPem() + "\n");
        File.WriteAllBytes(pfxPath, certificate.Export(X509ContentType.Pkcs12, pfxPassword));
        return new ExportedCertificate(certPath, keyPath, pfxPath, pfxPassword);
    }
}
