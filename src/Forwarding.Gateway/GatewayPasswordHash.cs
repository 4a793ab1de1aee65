using System.Security.Cryptography;
using System.Text;

namespace SoSucKhoe.Forwarding.Gateway;

/// <summary>The gateway's password transform: MD5 of the UTF-8 password, hex, upper case.</summary>
public static class GatewayPasswordHash
{
    /// <summary>Computes the upper-case MD5 hex of a password.</summary>
    public static string Compute(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        Span<byte> hash = stackalloc byte[MD5.HashSizeInBytes];
#pragma warning disable CA5351 // MD5 is imposed by the gateway's interface (letter 1245/BHXH-CNTT), not chosen for security.
        MD5.HashData(Encoding.UTF8.GetBytes(password), hash);
#pragma warning restore CA5351
        return Convert.ToHexString(hash);
    }
}
