using System.Security.Cryptography;

namespace SoSucKhoe.Dossiers;

/// <summary>Content hash of a document: the identity of one exact submission (same bytes, same hash).</summary>
public static class DossierHash
{
    /// <summary>SHA-256 of the exact bytes, as 64 lower-case hexadecimal characters.</summary>
    public static string Compute(ReadOnlySpan<byte> document)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(document, hash);
        return Convert.ToHexStringLower(hash);
    }
}
