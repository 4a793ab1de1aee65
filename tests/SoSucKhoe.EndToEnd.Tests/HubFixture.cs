using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using SoSucKhoe.Silo.Hosting;
using SoSucKhoe.Testing;

namespace SoSucKhoe.EndToEnd.Tests;

/// <summary>
/// The whole hub in this process (Kestrel on loopback, the silo, SQLite storage in a temporary folder), forwarding to a gateway
/// emulator on its own Kestrel server, and gRPC clients that reach the hub over real HTTP/2.
/// </summary>
public sealed class HubFixture : IAsyncLifetime
{
    private WebApplication _hub = null!;
    private GrpcChannel _channel = null!;

    public EmulatorServer Emulator { get; private set; } = null!;

    public HubSettings Settings { get; private set; } = null!;

    public HubClients Clients { get; private set; } = null!;

    public GrpcChannel Channel => _channel;

    /// <summary>The hub's own services (the co-hosted silo's grain factory among them), for tests that set up what no RPC can.</summary>
    public IServiceProvider Services => _hub.Services;

    public async Task InitializeAsync()
    {
        Emulator = await EmulatorServer.StartAsync();
        Settings = new HubSettings(Emulator.BaseAddress, Directory.CreateTempSubdirectory("sosuckhoe-e2e-").FullName);
        _hub = HubHost.Build(Settings.ToArguments());
        await _hub.StartAsync();
        _channel = GrpcChannel.ForAddress(Settings.GrpcAddress, new GrpcChannelOptions { MaxSendMessageSize = 64 * 1024 * 1024 });
        Clients = new HubClients(_channel, Settings.AdminKey);
    }

    public async Task DisposeAsync()
    {
        _channel.Dispose();
        await _hub.StopAsync();
        await _hub.DisposeAsync();
        await Emulator.DisposeAsync();
        Directory.Delete(Settings.DataDirectory, recursive: true);
    }
}

[CollectionDefinition(Name)]
public sealed class HubCollection : ICollectionFixture<HubFixture>
{
    public const string Name = "hub";
}
