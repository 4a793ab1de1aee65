using System.Security.Cryptography;
using System.Text;

namespace SoSucKhoe.GatewayEmulator;

/// <summary>Turns a person's ID into what the emulator may keep: a masked form and a salted hash.</summary>
internal sealed class PersonProtector(string salt)
{
    private readonly byte[] _key = Encoding.UTF8.GetBytes(string.IsNullOrEmpty(salt) ? Convert.ToHexString(RandomNumberGenerator.GetBytes(32)) : salt);

    /// <summary>First 4 and last 2 characters of IDs of 10 or more characters, first and last of shorter ones; the rest as '*'.</summary>
    public static string Mask(string id)
    {
        var (head, tail) = id.Length >= 10 ? (4, 2) : id.Length >= 3 ? (1, 1) : (0, 0);
        return string.Concat(id.AsSpan(0, head), new string('*', id.Length - head - tail), id.AsSpan(id.Length - tail));
    }

    /// <summary>HMAC-SHA256 of the ID under the salt, first 16 hex characters.</summary>
    public string Hash(string id)
    {
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(id), mac);
        return Convert.ToHexStringLower(mac[..8]);
    }
}
