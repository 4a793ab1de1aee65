using SoSucKhoe.Api.Security;
using SoSucKhoe.Security;
using SoSucKhoe.Testing;

namespace SoSucKhoe.EndToEnd.Tests;

/// <summary>The settings of a hub under test: free loopback ports, its own data folder, a given gateway, short retry delays.</summary>
public sealed class HubSettings
{
    public HubSettings(Uri gateway, string dataDirectory)
    {
        Gateway = gateway;
        DataDirectory = dataDirectory;
        GrpcPort = FreePorts.Next();
        HttpPort = FreePorts.Next();
        SiloPort = FreePorts.Next();
        AdminKey = ApiKeys.Create(CallerRole.Admin, "hub", "tests", DateTimeOffset.UtcNow).Key;
    }

    /// <summary>The bootstrap admin key the hub registers at start.</summary>
    public string AdminKey { get; }

    public Uri Gateway { get; }

    public string DataDirectory { get; }

    public int GrpcPort { get; }

    public int HttpPort { get; }

    public int SiloPort { get; }

    /// <summary>A PFX with the server certificate: gRPC is then served over TLS (and accepts client certificates).</summary>
    public string? TlsCertificatePath { get; init; }

    public Uri GrpcAddress => new($"{(TlsCertificatePath is null ? "http" : "https")}://127.0.0.1:{GrpcPort}");

    public Uri HttpAddress => new($"http://127.0.0.1:{HttpPort}");

    /// <summary>Command-line arguments for <c>HubHost.Build</c> or the silo executable.</summary>
    public string[] ToArguments() =>
    [
        .. TlsCertificatePath is null ? Array.Empty<string>() : [$"--Hub:TlsCertificatePath={TlsCertificatePath}", "--Hub:TlsCertificatePassword=test"],
        $"--Hub:GrpcUrl={GrpcAddress}",
        $"--Hub:HttpUrl={HttpAddress}",
        $"--Hub:SiloPort={SiloPort}",
        $"--Hub:DataDirectory={DataDirectory}",
        "--Hub:HostGatewayEmulator=false",
        $"--Gateway:BaseAddress={Gateway}",
        "--Gateway:AttemptTimeout=00:00:02",
        "--Gateway:MaxRetryAttempts=2",
        "--Gateway:RetryBaseDelay=00:00:00.020",
        "--Gateway:RetryMaxDelay=00:00:00.100",
        "--Gateway:CircuitBreakerMinimumThroughput=100000",
        "--Forwarding:RetryBaseDelay=00:00:00.200",
        "--Forwarding:MaxRetryDelay=00:00:01",
        "--Forwarding:RedriveInterval=00:00:02",
        "--Serilog:MinimumLevel:Default=Warning",
        $"--Security:BootstrapAdminKey={AdminKey}",
        "--Security:RequestsPerSecond=100000",
        "--Security:Burst=100000",
    ];
}
