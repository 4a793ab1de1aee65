using System.Net;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using SoSucKhoe.Api.Health;
using SoSucKhoe.Silo.Hosting;
using SoSucKhoe.Testing;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace SoSucKhoe.EndToEnd.Tests;

/// <summary>
/// Liveness and readiness apart, over HTTP (/healthz/live, /healthz/ready, /healthz) and grpc.health.v1 per service name: ready
/// only while the storage serves, the catalogues are loaded, the silo is active, the servers run and the intake is not refusing
/// every call; live whenever the process answers.
/// </summary>
public sealed class HealthProbeTests
{
    [Fact]
    public async Task A_running_hub_is_live_and_ready_over_HTTP_and_every_service_serves_over_gRPC()
    {
        await using var hub = await RunningHub.StartAsync();

        Assert.Equal((HttpStatusCode.OK, "Healthy"), await hub.GetAsync(HubHealth.LivePath));
        Assert.Equal((HttpStatusCode.OK, "Healthy"), await hub.GetAsync(HubHealth.ReadyPath));
        Assert.Equal((HttpStatusCode.OK, "Healthy"), await hub.GetAsync(HubHealth.LegacyPath));
        Assert.Equal(ServingStatus.Serving, await hub.GrpcHealthAsync(string.Empty));
        foreach (var service in HubHealth.ServiceNames)
        {
            Assert.Equal(ServingStatus.Serving, await hub.GrpcHealthAsync(service));
        }

        Assert.Contains("sosuckhoe.v1.Intake", HubHealth.ServiceNames);
        var unknown = await Assert.ThrowsAsync<RpcException>(() => hub.GrpcHealthAsync("sosuckhoe.v1.NoSuchService"));
        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Before_it_has_started_and_once_it_stops_the_hub_is_live_but_not_ready()
    {
        var emulator = await EmulatorServer.StartAsync();
        var settings = new HubSettings(emulator.BaseAddress, Directory.CreateTempSubdirectory("sosuckhoe-health-").FullName);
        var app = HubHost.Build(settings.ToArguments());
        try
        {
            var health = app.Services.GetRequiredService<HealthCheckService>();

            var before = await Ready(health);
            Assert.Equal(HealthStatus.Unhealthy, before.Status);
            Assert.Equal(HealthStatus.Unhealthy, before.Entries["serving"].Status);
            Assert.Equal(HealthStatus.Unhealthy, before.Entries["silo"].Status);
            Assert.Equal(HealthStatus.Healthy, before.Entries["catalogues"].Status);
            Assert.Equal(HealthStatus.Healthy, (await Live(health)).Status);

            await app.StartAsync();
            var running = await Ready(health);
            Assert.Equal(HealthStatus.Healthy, running.Status);
            Assert.Equal(["catalogues", "intake-admission", "serving", "silo", "storage"], running.Entries.Keys.Order(StringComparer.Ordinal));

            await app.StopAsync();
            var stopped = await Ready(health);
            Assert.Equal(HealthStatus.Unhealthy, stopped.Status);
            Assert.Equal("The hub is stopping.", stopped.Entries["serving"].Description);
            Assert.Equal(HealthStatus.Unhealthy, stopped.Entries["silo"].Status);
            Assert.Equal(HealthStatus.Healthy, (await Live(health)).Status);
        }
        finally
        {
            await app.DisposeAsync();
            await emulator.DisposeAsync();
            Directory.Delete(settings.DataDirectory, recursive: true);
        }
    }

    [Fact]
    public async Task While_the_intake_refuses_every_call_for_memory_the_hub_is_not_ready_for_intake_but_its_other_services_are()
    {
        // Any heap at all is above this share of the limit: the admission control refuses every intake call.
        await using var hub = await RunningHub.StartAsync("--Intake:MemoryRefusalRatio=0.0000001");

        var (status, text) = await hub.GetAsync(HubHealth.ReadyPath);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("Unhealthy\nintake-admission: The intake refuses every call: the hub is short of memory.", text);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await hub.GetAsync(HubHealth.LegacyPath)).Status);
        Assert.Equal((HttpStatusCode.OK, "Healthy"), await hub.GetAsync(HubHealth.LivePath));
        Assert.Equal(ServingStatus.NotServing, await hub.GrpcHealthAsync("sosuckhoe.v1.Intake"));
        Assert.Equal(ServingStatus.NotServing, await hub.GrpcHealthAsync(string.Empty));
        Assert.Equal(ServingStatus.Serving, await hub.GrpcHealthAsync("sosuckhoe.v1.Facilities"));
        Assert.Equal(ServingStatus.Serving, await hub.GrpcHealthAsync("sosuckhoe.v1.Operations"));
    }

    [Fact]
    public async Task While_the_storage_cannot_serve_the_hub_is_not_ready_and_it_is_ready_again_once_the_storage_is_back()
    {
        await using var hub = await RunningHub.StartAsync();
        Assert.Equal(HttpStatusCode.OK, (await hub.GetAsync(HubHealth.ReadyPath)).Status);

        // The grain records' table goes away under the hub (as a broken disk would take it): nothing can be read or committed.
        Execute(hub.DatabasePath, "ALTER TABLE GrainRecord RENAME TO GrainRecordAway;");
        var (down, text) = await hub.GetAsync(HubHealth.ReadyPath);
        var intakeDown = await hub.GrpcHealthAsync("sosuckhoe.v1.Intake");
        var facilitiesDown = await hub.GrpcHealthAsync("sosuckhoe.v1.Facilities");
        var live = await hub.GetAsync(HubHealth.LivePath);
        Execute(hub.DatabasePath, "ALTER TABLE GrainRecordAway RENAME TO GrainRecord;");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, down);
        Assert.StartsWith("Unhealthy\nstorage: The grain storage does not serve", text, StringComparison.Ordinal);
        Assert.Equal((ServingStatus.NotServing, ServingStatus.NotServing), (intakeDown, facilitiesDown));
        Assert.Equal(HttpStatusCode.OK, live.Status);
        Assert.True(await Eventually.Until(async () => (await hub.GetAsync(HubHealth.ReadyPath)).Status == HttpStatusCode.OK, TimeSpan.FromSeconds(20)),
            "ready again once the table is back");
    }

    private static Task<HealthReport> Ready(HealthCheckService health) => health.CheckHealthAsync(static r => r.Tags.Contains(HubHealth.Ready));

    private static Task<HealthReport> Live(HealthCheckService health) => health.CheckHealthAsync(static r => r.Tags.Contains(HubHealth.Live));

    private static void Execute(string database, string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Pooling = false, DefaultTimeout = 10 }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>A hub in this process on free loopback ports, forwarding to an emulator, with clients for its health answers.</summary>
    private sealed class RunningHub : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private readonly EmulatorServer _emulator;
        private readonly HubSettings _settings;
        private readonly HttpClient _http;
        private readonly GrpcChannel _channel;

        private RunningHub(WebApplication app, EmulatorServer emulator, HubSettings settings)
        {
            _app = app;
            _emulator = emulator;
            _settings = settings;
            _http = new HttpClient { BaseAddress = settings.HttpAddress };
            _channel = GrpcChannel.ForAddress(settings.GrpcAddress);
        }

        public string DatabasePath => Path.Combine(_settings.DataDirectory, "sosuckhoe.db");

        public static async Task<RunningHub> StartAsync(params string[] extra)
        {
            var emulator = await EmulatorServer.StartAsync();
            var settings = new HubSettings(emulator.BaseAddress, Directory.CreateTempSubdirectory("sosuckhoe-health-").FullName);
            var app = HubHost.Build([.. settings.ToArguments(), .. extra]);
            await app.StartAsync();
            return new RunningHub(app, emulator, settings);
        }

        public async Task<(HttpStatusCode Status, string Text)> GetAsync(string path)
        {
            using var response = await _http.GetAsync(new Uri(path, UriKind.Relative));
            return (response.StatusCode, (await response.Content.ReadAsStringAsync()).TrimEnd('\n'));
        }

        public async Task<ServingStatus> GrpcHealthAsync(string service) =>
            (await new Health.HealthClient(_channel).CheckAsync(new HealthCheckRequest { Service = service })).Status;

        public async ValueTask DisposeAsync()
        {
            _channel.Dispose();
            _http.Dispose();
            await _app.StopAsync();
            await _app.DisposeAsync();
            await _emulator.DisposeAsync();
            Directory.Delete(_settings.DataDirectory, recursive: true);
        }
    }
}
