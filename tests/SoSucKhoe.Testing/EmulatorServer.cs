using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SoSucKhoe.GatewayEmulator;

namespace SoSucKhoe.Testing;

/// <summary>The gateway emulator on a real Kestrel server bound to a free loopback port.</summary>
public sealed class EmulatorServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private EmulatorServer(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
        State = app.Services.GetRequiredService<GatewayEmulatorState>();
    }

    /// <summary>The gateway base address to configure in the hub (ends with "/gateway/").</summary>
    public Uri BaseAddress { get; }

    /// <summary>What the emulator received, its counters and its fault switches.</summary>
    public GatewayEmulatorState State { get; }

    public static async Task<EmulatorServer> StartAsync(Action<EmulatorOptions>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddGatewayEmulator(configure);
        var app = builder.Build();
        app.MapGatewayEmulator("/gateway");
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new EmulatorServer(app, new Uri(address.TrimEnd('/') + "/gateway/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
