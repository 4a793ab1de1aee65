using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SoSucKhoe.Gateway.Tests;

/// <summary>
/// One emulator on real Kestrel (127.0.0.1, port chosen by the system) and one gateway client wired through dependency injection
/// against it, with fast retry delays. Each test owns its own bed, so counters and circuit state never leak between tests.
/// </summary>
internal sealed class GatewayTestBed : IAsyncDisposable
{
    public const string Username = "bv70001";
    public const string Password = "Mật-khẩu#70001";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private readonly WebApplication _emulator;
    private readonly ServiceProvider _clientServices;

    private GatewayTestBed(WebApplication emulator, ServiceProvider clientServices, Uri gatewayRoot)
    {
        _emulator = emulator;
        _clientServices = clientServices;
        GatewayRoot = gatewayRoot;
        Client = clientServices.GetRequiredService<IGatewayClient>();
        State = emulator.Services.GetRequiredService<GatewayEmulatorState>();
        Http = new HttpClient { BaseAddress = gatewayRoot };
    }

    public Uri GatewayRoot { get; }

    public IGatewayClient Client { get; }

    public GatewayEmulatorState State { get; }

    /// <summary>A plain HttpClient on the emulator's prefix, for raw gateway calls and the control endpoints.</summary>
    public HttpClient Http { get; }

    public static GatewayAccount Account { get; } = new(Username, Password);

    public static async Task<GatewayTestBed> StartAsync(
        Action<EmulatorOptions>? emulator = null, Action<GatewayOptions>? client = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        builder.Services.AddGatewayEmulator(options =>
        {
            options.Accounts[Username] = Password;
            emulator?.Invoke(options);
        });
        var app = builder.Build();
        app.MapGatewayEmulator("/gateway");
        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        var root = new Uri(new Uri(address), "/gateway/");

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSoSucKhoeGatewayClient(options =>
        {
            options.BaseAddress = root;
            options.AttemptTimeout = TimeSpan.FromSeconds(5);
            options.MaxRetryAttempts = 3;
            options.RetryBaseDelay = TimeSpan.FromMilliseconds(5);
            options.RetryMaxDelay = TimeSpan.FromMilliseconds(20);
            options.CircuitBreakerMinimumThroughput = 1000;
            client?.Invoke(options);
        });

        return new GatewayTestBed(app, services.BuildServiceProvider(), root);
    }

    /// <summary>A submission of <paramref name="document"/>; the test documents are episodes of 2025, so QĐ 3176 by default.</summary>
    public GatewaySubmission Submission(byte[] document, string facility = TestDocuments.Facility, GatewayAccount? account = null,
        string? standard = "3176") =>
        new(account ?? Account, TestDocuments.Province, facility, document, standard);

    public async Task<EmulatorStats> StatsAsync() =>
        (await Http.GetFromJsonAsync<EmulatorStats>("emulator/stats", Json))!;

    public async Task<List<ReceivedItem>> ReceivedAsync(long after = 0, int limit = 1000) =>
        (await Http.GetFromJsonAsync<List<ReceivedItem>>($"emulator/received?after={after}&limit={limit}", Json))!;

    public async Task<EmulatorFaultState> SetFaultsAsync(EmulatorFaultUpdate update)
    {
        using var response = await Http.PostAsJsonAsync("emulator/faults", update, Json);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<EmulatorFaultState>(Json))!;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _clientServices.DisposeAsync();
        await _emulator.StopAsync();
        await _emulator.DisposeAsync();
    }
}
