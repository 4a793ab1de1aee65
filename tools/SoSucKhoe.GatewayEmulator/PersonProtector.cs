using System.Security.Cryptography;
using System.Text;

namespace SoSucKhoe.GatewayEmulator;

/// <summary>Turns a person's ID into what the emulator may keep: a masked form and a salted hash.</summary>
internal sealed class PersonProtector : IDisposable
{
    private const int MaxStackBytes = 256;

    /// <summary>
    /// One keyed HMAC per thread: reusing it costs a third of a one-shot HMAC, which sets the key up on every call. They live as
    /// long as the emulator's state, which releases them.
    /// </summary>
    private readonly ThreadLocal<IncrementalHash> _macs;

    public PersonProtector(string salt)
    {
        var key = Encoding.UTF8.GetBytes(string.IsNullOrEmpty(salt) ? Convert.ToHexString(RandomNumberGenerator.GetBytes(32)) : salt);
        _macs = new ThreadLocal<IncrementalHash>(() => IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key), trackAllValues: true);
    }

    public void Dispose()
    {
        foreach (var mac in _macs.Values)
        {
            mac.Dispose();
        }

        _macs.Dispose();
    }

    /// <summary>First 4 and last 2 characters of IDs of 10 or more characters, first and last of shorter ones; the rest as '*'.</summary>
    public static string Mask(string id)
    {
        var (head, tail) = id.Length >= 10 ? (4, 2) : id.Length >= 3 ? (1, 1) : (0, 0);
        return string.Concat(id.AsSpan(0, head), new string('*', id.Length - head - tail), id.AsSpan(id.Length - tail));
    }

    /// <summary>HMAC-SHA256 of the ID under the salt, first 16 hex characters.</summary>
    public string Hash(string id)
    {
        var length = Encoding.UTF8.GetMaxByteCount(id.Length);
        Span<byte> text = length <= MaxStackBytes ? stackalloc byte[MaxStackBytes] : new byte[length];
        var written = Encoding.UTF8.GetBytes(id, text);
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        var hmac = _macs.Value!;
        hmac.AppendData(text[..written]);
        hmac.GetHashAndReset(mac);
        return Convert.ToHexStringLower(mac[..8]);
    }
}
