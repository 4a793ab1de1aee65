using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using SoSucKhoe.Dossiers;
using SoSucKhoe.Dossiers.Reading;
using SoSucKhoe.Dossiers.Signatures;
using SoSucKhoe.Facilities;

namespace SoSucKhoe.Api.Intake;

/// <summary>Settings of the intake (configuration section "Intake").</summary>
public sealed class IntakeOptions
{
    public const string SectionName = "Intake";

    /// <summary>
    /// Refuse documents without a valid enveloped XML-DSig signature by a certificate registered for the sending facility.
    /// On by default; only a development setup may turn it off.
    /// </summary>
    public bool RequireSignatures { get; set; } = true;
}

/// <summary>
/// Checks the facility's signature in CHUKYDONVI: RSA-SHA256 over the whole document (enveloped, one reference with URI=""),
/// made with a certificate registered for that facility, not revoked and valid at submission. Each refusal has its own rule.
/// </summary>
public sealed class SignatureGate(IGrainFactory grains, DossierReaderOptions readerOptions, IOptions<IntakeOptions> options, TimeProvider time)
{
    /// <summary>False when a development setup turned signature checks off.</summary>
    public bool Enabled => options.Value.RequireSignatures;

    /// <summary>
    /// The signature violation of the document, or null when it is acceptable. <paramref name="registeredCertificates"/> are the
    /// facility's signing certificates as its admission returned them (revoked ones included), so the gate needs no lookup of its own.
    /// </summary>
    public async Task<Violation?> CheckAsync(ReadOnlyMemory<byte> document, string facilityCode, string table,
        IReadOnlyList<SigningCertificate> registeredCertificates)
    {
        if (!options.Value.RequireSignatures)
        {
            return null;
        }

        // The certificate and key come from the process-wide cache (parsed once per certificate, not per dossier); the result's
        // certificate belongs to the cache and is not disposed here.
        var result = DossierSignatureVerifier.Verify(document, readerOptions, SigningCertificateCache.Shared);
        var rule = result.Status switch
        {
            SignatureStatus.Valid => null,
            SignatureStatus.Missing => ViolationRules.SignatureMissing,
            SignatureStatus.Invalid => ViolationRules.SignatureInvalid,
            SignatureStatus.WeakAlgorithm => ViolationRules.SignatureWeakAlgorithm,
            SignatureStatus.Wrapping or SignatureStatus.Unsupported => ViolationRules.SignatureWrapping,
            SignatureStatus.CertificateMissing => ViolationRules.SignatureCertificateMissing,
            _ => ViolationRules.SignatureMalformed,
        };
        if (rule is not null)
        {
            return Refuse(table, rule, result.Message);
        }

        var thumbprint = result.Thumbprint ?? result.Certificate!.GetCertHashString(HashAlgorithmName.SHA256);
        var registered = registeredCertificates.FirstOrDefault(c => c.Thumbprint == thumbprint);
        if (registered is null)
        {
            var owner = await grains.GetGrain<ISigningCertificateIndexGrain>(thumbprint).GetFacility();
            return owner is not null && owner != facilityCode
                ? Refuse(table, ViolationRules.SignatureCertificateOtherFacility,
                    "The document is signed with a certificate registered for another facility.")
                : Refuse(table, ViolationRules.SignatureCertificateUnknown,
                    "The signing certificate is not registered for this facility.");
        }

        var now = time.GetUtcNow();
        if (registered.RevokedAt is { } revoked && revoked <= now)
        {
            return Refuse(table, ViolationRules.SignatureCertificateRevoked, "The signing certificate was revoked.");
        }

        return now < registered.NotBefore || now >= registered.NotAfter
            ? Refuse(table, ViolationRules.SignatureCertificateExpired, "The signing certificate is not valid at the time of submission.")
            : null;
    }

    private static Violation Refuse(string table, string rule, string message) => new(table, "CHUKYDONVI", rule, message);
}
