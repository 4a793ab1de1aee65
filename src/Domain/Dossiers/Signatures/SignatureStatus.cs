namespace SoSucKhoe.Dossiers.Signatures;

/// <summary>The outcome of checking a facility's enveloped XML signature.</summary>
public enum SignatureStatus
{
    /// <summary>The signature verifies with the certificate's public key over the whole document.</summary>
    Valid = 0,

    /// <summary>No Signature element in CHUKYDONVI.</summary>
    Missing = 1,

    /// <summary>The digest or the signature value does not match: the document was altered or signed with another key.</summary>
    Invalid = 2,

    /// <summary>Not RSA-SHA256 with a SHA-256 digest over Reference URI="" with the enveloped transform, or more than one signature/reference.</summary>
    Unsupported = 3,

    /// <summary>No usable X.509 certificate with an RSA key in KeyInfo.</summary>
    CertificateMissing = 4,

    /// <summary>The document or the signature element cannot be read.</summary>
    Malformed = 5,

    /// <summary>A weak or unexpected algorithm (e.g. RSA-SHA1 or a SHA-1 digest) where RSA-SHA256 and SHA-256 are required.</summary>
    WeakAlgorithm = 6,

    /// <summary>
    /// The signature does not cover exactly the processed document (several signatures, a signature outside CHUKYDONVI, a partial
    /// reference or several references): the shapes signature-wrapping attacks take.
    /// </summary>
    Wrapping = 7,
}
