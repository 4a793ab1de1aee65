using System.Security.Cryptography.X509Certificates;

namespace SoSucKhoe.Dossiers.Signatures;

/// <summary>Result of <see cref="DossierSignatureVerifier"/>.</summary>
/// <param name="Status">The outcome.</param>
/// <param name="Certificate">The signer's certificate from KeyInfo when one was found (compare its thumbprint with the facility's registered one; chain and revocation are the caller's policy).</param>
/// <param name="Message">An English sentence explaining the status.</param>
public sealed record SignatureVerification(SignatureStatus Status, X509Certificate2? Certificate, string Message)
{
    public bool IsValid => Status == SignatureStatus.Valid;

    /// <summary>SHA-256 of the signer's certificate (upper-case hex) when one was found, so callers need not hash it again.</summary>
    public string? Thumbprint { get; init; }
}
