using Google.Protobuf;
using Grpc.Net.Client;
using SoSucKhoe.Api.V1;
using SoSucKhoe.GatewayEmulator;
using SoSucKhoe.TestData;
using SoSucKhoe.Testing;
using Xunit.Abstractions;

namespace SoSucKhoe.EndToEnd.Tests;

/// <summary>
/// The durability promise: an OK to the HIS means the dossier reaches the gateway even if the hub is killed right after. The hub
/// runs as its own process on a SQLite file; the test kills it with SIGKILL and starts it again on the same data folder.
/// </summary>
public sealed class CrashRecoveryTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Accepted = 40;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private static readonly DateTimeOffset Arrival = new(2025, 5, 12, 9, 0, 0, TimeSpan.FromHours(7));
    private readonly ProvinceGenerator _province = new(seed: 313, new ProvinceOptions { FacilityCount = 3, CitizenCount = 1_000 });
    private HubWorkspace _workspace = null!;
    private HubClients? _clients;

    private EmulatorServer Emulator => _workspace.Emulator;

    private HubSettings Settings => _workspace.Settings;

    public async Task InitializeAsync() => _workspace = await HubWorkspace.CreateAsync("crash");

    public async Task DisposeAsync() => await _workspace.DisposeAsync();

    [Fact]
    public async Task Dossiers_accepted_during_a_gateway_outage_all_reach_the_gateway_after_the_hub_is_killed_and_restarted()
    {
        Emulator.State.ApplyFaults(new EmulatorFaultUpdate(OutageSeconds: 3600));
        var dossiers = Generate(seed: 1);

        using (var hub = await HubProcess.StartAsync(Settings, StartTimeout))
        {
            await SubmitAllAsync(dossiers);
            Assert.DoesNotContain(Emulator.State.GetReceived(0, 100_000), r => r.Kind == ReceivedKind.Dossier);
            hub.Kill();
        }

        Emulator.State.ApplyFaults(new EmulatorFaultUpdate(ClearOutage: true));
        using (var restarted = await HubProcess.StartAsync(Settings, StartTimeout))
        {
            await AssertDeliveredAsync(restarted, dossiers);
        }
    }

    [Fact]
    public async Task Dossiers_in_flight_when_the_hub_is_killed_are_delivered_after_restart_with_duplicates_counted()
    {
        // A slow gateway keeps dossiers in flight at the moment of the kill.
        Emulator.State.ApplyFaults(new EmulatorFaultUpdate(LatencyMs: 300));
        var dossiers = Generate(seed: 2);

        using (var hub = await HubProcess.StartAsync(Settings, StartTimeout))
        {
            await SubmitAllAsync(dossiers);
            hub.Kill();
        }

        var beforeRestart = Emulator.State.GetReceived(0, 100_000).Count(r => r.Kind == ReceivedKind.Dossier);
        output.WriteLine($"delivered before the kill: {beforeRestart} of {Accepted}");
        Emulator.State.ApplyFaults(new EmulatorFaultUpdate(Clear: true));
        using (var restarted = await HubProcess.StartAsync(Settings, StartTimeout))
        {
            await AssertDeliveredAsync(restarted, dossiers);
        }
    }

    private List<GeneratedDossier> Generate(int seed)
    {
        var factory = new DossierFactory(seed);
        var facilities = _province.Facilities();
        // Some people come twice, so that per-person ordering is exercised across the restart too.
        return Enumerable.Range(0, Accepted)
            .Select(i => factory.Create(_province.CitizenAt((seed * 1000) + (i % 30)), facilities[i % facilities.Count], "01",
                Arrival.AddHours(i)))
            .ToList();
    }

    private async Task SubmitAllAsync(IReadOnlyList<GeneratedDossier> dossiers)
    {
        using var channel = GrpcChannel.ForAddress(Settings.GrpcAddress);
        _clients = new HubClients(channel, Settings.AdminKey);
        foreach (var dossier in dossiers)
        {
            var intake = await _clients.IntakeForAsync(dossier.FacilityCode);
            var answer = await intake.SubmitDossierAsync(new SubmitDossierRequest { Document = ByteString.CopyFrom(dossier.Payload) });
            Assert.False(answer.Duplicate);
        }
    }

    private async Task AssertDeliveredAsync(HubProcess hub, IReadOnlyList<GeneratedDossier> dossiers)
    {
        try
        {
            await AssertAllAcknowledgedAsync(dossiers);
        }
        catch
        {
            output.WriteLine("hub log after restart:");
            output.WriteLine(string.Join('\n', hub.Output.Split('\n').TakeLast(80)));
            throw;
        }
    }

    private async Task AssertAllAcknowledgedAsync(IReadOnlyList<GeneratedDossier> dossiers)
    {
        var expected = dossiers.Select(d => d.MaLk).ToHashSet();
        var delivered = await Eventually.Until(() => Task.FromResult(Delivered()), Patience, TimeSpan.FromMilliseconds(200));
        bool Delivered()
        {
            var seen = Emulator.State.GetReceived(0, 100_000).Where(r => r.Kind == ReceivedKind.Dossier).Select(r => r.MaLk).ToHashSet();
            return expected.IsSubsetOf(seen);
        }

        var stats = Emulator.State.GetStats();
        output.WriteLine($"emulator: dossiers {stats.Dossiers}, distinct {stats.DistinctDossiers}, duplicates {stats.Duplicates}, "
            + $"order violations {stats.OrderViolations}");
        Assert.True(delivered, "not every accepted dossier reached the gateway after the restart");
        Assert.Equal(Accepted, stats.DistinctDossiers);
        Assert.Equal(stats.Dossiers - stats.DistinctDossiers, stats.Duplicates);
        Assert.Equal(0, stats.OrderViolations);

        using var channel = GrpcChannel.ForAddress(Settings.GrpcAddress);
        var clients = new HubClients(channel, Settings.AdminKey);
        var intake = new Api.V1.Intake.IntakeClient(clients.With(Settings.AdminKey));
        var acknowledged = await Eventually.Until(async () =>
        {
            foreach (var dossier in dossiers)
            {
                var status = await intake.GetDossierStatusAsync(
                    new GetDossierStatusRequest { DossierId = $"{dossier.FacilityCode}:{dossier.MaLk}" });
                if (status.State != DossierState.Acknowledged)
                {
                    return false;
                }
            }

            return true;
        }, Patience, TimeSpan.FromMilliseconds(250));
        Assert.True(acknowledged, "every dossier's status must end acknowledged with its receipt");
    }
}
