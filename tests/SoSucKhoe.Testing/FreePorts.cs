using System.Net;
using System.Net.Sockets;

namespace SoSucKhoe.Testing;

/// <summary>Free TCP ports on the loopback interface, for hosts that need their ports before they start.</summary>
public static class FreePorts
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
