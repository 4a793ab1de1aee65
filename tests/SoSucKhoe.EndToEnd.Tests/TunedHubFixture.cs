using Grpc.Net.Client;

namespace SoSucKhoe.EndToEnd.Tests;

/// <summary>
/// A hub run as its own process, its output captured from the first line on: a 1 MiB message limit (so that messages around
/// the limit are quick to send), a one-second report interval for refused calls, and the gateway emulator hosted on its HTTP port
/// (an endpoint there reads request bodies).
/// </summary>
public sealed class TunedHubFixture : IAsyncLifetime
{
    public const int MessageLimit = 1024 * 1024;

    private GrpcChannel _channel = null!;

    public HubWorkspace Workspace { get; private set; } = null!;

    public HubProcess Hub { get; private set; } = null!;

    public HubSettings Settings => Workspace.Settings;

    public HubClients Clients { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Workspace = await HubWorkspace.CreateAsync("tuned");
        Hub = await HubProcess.StartAsync(Settings, TimeSpan.FromSeconds(90),
            $"--Hub:MaxMessageBytes={MessageLimit}",
            "--Security:RefusalReportInterval=00:00:01",
            "--Hub:HostGatewayEmulator=true");
        _channel = GrpcChannel.ForAddress(Settings.GrpcAddress, new GrpcChannelOptions { MaxSendMessageSize = 16 * MessageLimit });
        Clients = new HubClients(_channel, Settings.AdminKey);
    }

    public async Task DisposeAsync()
    {
        _channel.Dispose();
        Hub.Dispose();
        await Workspace.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class TunedHubCollection : ICollectionFixture<TunedHubFixture>
{
    public const string Name = "tuned hub";
}
