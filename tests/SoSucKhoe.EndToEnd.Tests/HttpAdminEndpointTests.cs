using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using SoSucKhoe.Silo.Hosting;
using SoSucKhoe.Testing;

namespace SoSucKhoe.EndToEnd.Tests;

/// <summary>The plain-HTTP side of the default run: health is open, operator endpoints need an admin key.</summary>
public sealed class HttpAdminEndpointTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sosuckhoe-http-").FullName;
    private HubSettings _settings = null!;
    private WebApplication _hub = null!;

    public async Task InitializeAsync()
    {
        var httpPort = FreePorts.Next();
        _settings = new HubSettings(new Uri($"http://127.0.0.1:{httpPort}/gateway/"), _folder);
        // The default run: the hub hosts the emulator it forwards to.
        _hub = HubHost.Build([.. _settings.ToArguments(), "--Hub:HostGatewayEmulator=true"]);
        await _hub.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _hub.StopAsync();
        await _hub.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task The_emulator_controls_need_an_admin_key_and_health_does_not()
    {
        using var http = new HttpClient { BaseAddress = _settings.HttpAddress };
        using var channel = Grpc.Net.Client.GrpcChannel.ForAddress(_settings.GrpcAddress);
        var clients = new HubClients(channel, _settings.AdminKey);
        var facilityKey = await clients.FacilityKeyAsync("70501", "Trạm y tế thử");

        var health = await http.GetAsync(new Uri("/healthz", UriKind.Relative));
        var anonymous = await http.GetAsync(new Uri("/gateway/emulator/stats", UriKind.Relative));
        var asFacility = await Get(http, "/gateway/emulator/stats", facilityKey);
        var reset = await http.PostAsync(new Uri("/gateway/emulator/reset", UriKind.Relative), null);
        var asAdmin = await Get(http, "/gateway/emulator/stats", _settings.AdminKey);

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, asFacility.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, reset.StatusCode);
        Assert.Equal(HttpStatusCode.OK, asAdmin.StatusCode);
        Assert.Contains("\"received\"", await asAdmin.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static Task<HttpResponseMessage> Get(HttpClient http, string path, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return http.SendAsync(request);
    }
}
