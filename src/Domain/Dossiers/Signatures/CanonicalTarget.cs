namespace SoSucKhoe.Dossiers.Signatures;

/// <summary>Where <see cref="CanonicalUtf8Writer"/> sends the UTF-8 bytes it produces.</summary>
internal enum CanonicalTarget
{
    /// <summary>Nothing is written (the enveloped Signature outside SignedInfo).</summary>
    None = 0,

    /// <summary>The running SHA-256 of the referenced document.</summary>
    Digest = 1,

    /// <summary>The byte buffer holding the canonical SignedInfo.</summary>
    SignedInfo = 2,
}
