namespace SoSucKhoe.Facilities;

/// <summary>
/// A certificate a facility signs its dossiers with (XML-DSig in CHUKYDONVI). Only its public facts are kept; the hub matches a
/// dossier's signing certificate by SHA-256 thumbprint.
/// </summary>
/// <param name="Thumbprint">SHA-256 of the certificate, upper-case hex.</param>
/// <param name="Subject">The certificate's subject.</param>
/// <param name="NotBefore">Start of validity.</param>
/// <param name="NotAfter">End of validity.</param>
/// <param name="AddedAt">When it was registered with the hub.</param>
/// <param name="RevokedAt">When it was revoked, if it was.</param>
[GenerateSerializer, Immutable, Alias("sosuckhoe.SigningCertificate")]
public sealed record SigningCertificate(
    [property: Id(0)] string Thumbprint,
    [property: Id(1)] string Subject,
    [property: Id(2)] DateTimeOffset NotBefore,
    [property: Id(3)] DateTimeOffset NotAfter,
    [property: Id(4)] DateTimeOffset AddedAt,
    [property: Id(5)] DateTimeOffset? RevokedAt);

/// <summary>Which facility a signing certificate is registered for, keyed by its SHA-256 thumbprint.</summary>
public interface ISigningCertificateIndexGrain : IGrainWithStringKey
{
    /// <summary>Claims the certificate for a facility; returns the facility that holds it (the first claim wins).</summary>
    Task<string> Claim(string facilityCode);

    /// <summary>The facility the certificate is registered for, or null.</summary>
    Task<string?> GetFacility();
}
