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
public sealed record SigningCertificate(
    string Thumbprint,
    string Subject,
    DateTimeOffset NotBefore,
    DateTimeOffset NotAfter,
    DateTimeOffset AddedAt,
    DateTimeOffset? RevokedAt);
