using Microsoft.AspNetCore.Builder;
using SoSucKhoe.Api.Security;
using SoSucKhoe.Security;
using SoSucKhoe.Silo.Hosting;
using SoSucKhoe.Testing;

namespace SoSucKhoe.LoadTest.Tests;

/// <summary>The real hub in this process on free loopback ports (SQLite in a temporary folder), forwarding to a gateway emulator.</summary>
internal sealed class InProcessHub : IAsyncDisposable
{
    private readonly WebApplication _app;

    private InProcessHub(WebApplication app, EmulatorServer emulator, Uri grpcAddress, string adminKey, string dataDirectory)
    {
        _app = app;
        Emulator = emulator;
        GrpcAddress = grpcAddress;
        AdminKey = adminKey;
        DataDirectory = dataDirectory;
    }

    public EmulatorServer Emulator { get; }

    public Uri GrpcAddress { get; }

    public string AdminKey { get; }

    private string DataDirectory { get; }

    public static async Task<InProcessHub> StartAsync()
    {
        var emulator = await EmulatorServer.StartAsync();
        var data = Directory.CreateTempSubdirectory("sosuckhoe-load-").FullName;
        var grpc = new Uri($"http://127.0.0.1:{FreePorts.Next()}");
        var adminKey = ApiKeys.Create(CallerRole.Admin, "hub", "load test", DateTimeOffset.UtcNow).Key;
        var app = HubHost.Build(
        [
            $"--Hub:GrpcUrl={grpc}",
            $"--Hub:HttpUrl=http://127.0.0.1:{FreePorts.Next()}",
            $"--Hub:SiloPort={FreePorts.Next()}",
            $"--Hub:DataDirectory={data}",
            "--Hub:HostGatewayEmulator=false",
            $"--Gateway:BaseAddress={emulator.BaseAddress}",
            "--Serilog:MinimumLevel:Default=Warning",
            $"--Security:BootstrapAdminKey={adminKey}",
            "--Security:RequestsPerSecond=100000",
            "--Security:Burst=100000",
        ]);
        await app.StartAsync();
        return new InProcessHub(app, emulator, grpc, adminKey, data);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        await Emulator.DisposeAsync();
        Directory.Delete(DataDirectory, recursive: true);
    }
}
