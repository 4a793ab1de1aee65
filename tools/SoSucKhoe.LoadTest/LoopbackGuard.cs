using System.Net;

namespace SoSucKhoe.LoadTest;

/// <summary>The tool only ever talks to this machine: any other host is refused.</summary>
public static class LoopbackGuard
{
    /// <summary>True when the address names a loopback host (127.0.0.0/8, ::1 or "localhost").</summary>
    public static bool IsLoopback(Uri address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (!address.IsAbsoluteUri)
        {
            return false;
        }

        if (string.Equals(address.IdnHost, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return IPAddress.TryParse(address.IdnHost.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip);
    }
}
