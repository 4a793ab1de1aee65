using System.Buffers.Binary;
using System.Security.Cryptography;

namespace SoSucKhoe.LoadTest.Workload;

/// <summary>
/// A SHA-256 digest held inline (four 64-bit words, no reference), so that a per-request record can carry the identity of the
/// bytes it sent without giving the garbage collector anything to scan. Printed and parsed as lower-case hex, the form the hub's
/// <c>content_sha256</c> and the emulator's <c>contentSha256</c> use.
/// </summary>
public readonly record struct ContentHash(ulong W0, ulong W1, ulong W2, ulong W3)
{
    /// <summary>The hash of nothing known (a request that failed before its dossier was taken).</summary>
    public static readonly ContentHash None;

    /// <summary>True for <see cref="None"/>.</summary>
    public bool IsNone => this == None;

    /// <summary>SHA-256 of <paramref name="content"/>.</summary>
    public static ContentHash Of(ReadOnlySpan<byte> content)
    {
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(content, digest);
        return FromBytes(digest);
    }

    /// <summary>Reads 64 hex characters (either case); false for anything else.</summary>
    public static bool TryParse(string? hex, out ContentHash hash)
    {
        hash = None;
        if (hex is not { Length: 64 })
        {
            return false;
        }

        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        if (Convert.FromHexString(hex, digest, out _, out var written) != System.Buffers.OperationStatus.Done || written != digest.Length)
        {
            return false;
        }

        hash = FromBytes(digest);
        return true;
    }

    /// <summary>Lower-case hex.</summary>
    public override string ToString()
    {
        if (IsNone)
        {
            return string.Empty;
        }

        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        BinaryPrimitives.WriteUInt64BigEndian(digest, W0);
        BinaryPrimitives.WriteUInt64BigEndian(digest[8..], W1);
        BinaryPrimitives.WriteUInt64BigEndian(digest[16..], W2);
        BinaryPrimitives.WriteUInt64BigEndian(digest[24..], W3);
        return Convert.ToHexStringLower(digest);
    }

    private static ContentHash FromBytes(ReadOnlySpan<byte> digest) =>
        new(BinaryPrimitives.ReadUInt64BigEndian(digest), BinaryPrimitives.ReadUInt64BigEndian(digest[8..]),
            BinaryPrimitives.ReadUInt64BigEndian(digest[16..]), BinaryPrimitives.ReadUInt64BigEndian(digest[24..]));
}
