using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;
using SoSucKhoe.GatewayEmulator;
using SoSucKhoe.Interop;
using SoSucKhoe.Patients;
using SoSucKhoe.TestData;
using SoSucKhoe.Testing;

namespace SoSucKhoe.Grains.Tests;

/// <summary>
/// After a gateway outage the backlog drains as soon as the gateway answers again, not when each person's back-off ends: the
/// persons here back off for at least two minutes, and everything must be acknowledged well within that.
/// </summary>
public sealed class GatewayRecoveryTests(GatewayRecoveryTests.Fixture fixture) : IClassFixture<GatewayRecoveryTests.Fixture>
{
    private static readonly DateTimeOffset Monday = new(2025, 3, 3, 8, 0, 0, TimeSpan.FromHours(7));

    [Fact]
    public async Task Persons_in_back_off_resume_at_once_when_the_gateway_answers_again()
    {
        var province = new ProvinceGenerator(seed: 4242, new ProvinceOptions { FacilityCount = 3, CitizenCount = 100 });
        var dossiers = new DossierFactory(seed: 4243);
        foreach (var facility in province.Facilities())
        {
            await Submissions.RegisterAsync(fixture.Grains, facility);
        }

        fixture.Emulator.State.ApplyFaults(new EmulatorFaultUpdate(OutageSeconds: 600));
        var submitted = new List<(IPatientGrain Patient, GeneratedDossier Dossier)>();
        for (var i = 0; i < 8; i++)
        {
            var citizen = province.CitizenAt(i);
            var dossier = dossiers.Create(citizen, province.Facilities()[i % 3], "01", Monday.AddHours(i));
            var patient = fixture.Grains.GetGrain<IPatientGrain>(citizen.PersonalId);
            await patient.SubmitDossier(Submissions.From(dossier));
            submitted.Add((patient, dossier));
        }

        // Every person failed once and is now in a back-off of at least two minutes.
        var allFailed = await Eventually.Until(async () =>
        {
            foreach (var (patient, dossier) in submitted)
            {
                if (await patient.GetDossierStatus(dossier.FacilityCode, dossier.MaLk, 1) is not { Attempts: > 0, LastError: not null })
                {
                    return false;
                }
            }

            return true;
        }, TimeSpan.FromSeconds(30));
        Assert.True(allFailed, "every dossier should have failed during the outage");

        fixture.Emulator.State.ApplyFaults(new EmulatorFaultUpdate(ClearOutage: true));
        var started = DateTimeOffset.UtcNow;
        var drained = await Eventually.Until(async () =>
        {
            foreach (var (patient, dossier) in submitted)
            {
                if ((await patient.GetDossierStatus(dossier.FacilityCode, dossier.MaLk, 1))?.State != ForwardingState.Acknowledged)
                {
                    return false;
                }
            }

            return true;
        }, TimeSpan.FromSeconds(30));

        Assert.True(drained, "the backlog should drain once the gateway answers, without waiting for the two-minute back-off");
        Assert.True(DateTimeOffset.UtcNow - started < TimeSpan.FromSeconds(60));
        Assert.Equal(0, fixture.Emulator.State.GetStats().Duplicates);
    }

    /// <summary>A one-silo cluster whose persons back off for two minutes and whose forwarders probe every second.</summary>
    public sealed class Fixture : IAsyncLifetime
    {
        private static Uri? s_gateway;

        public TestCluster Cluster { get; private set; } = null!;

        public EmulatorServer Emulator { get; private set; } = null!;

        public IGrainFactory Grains => Cluster.GrainFactory;

        public async Task InitializeAsync()
        {
            Emulator = await EmulatorServer.StartAsync();
            s_gateway = Emulator.BaseAddress;
            var builder = new TestClusterBuilder { Options = { InitialSilosCount = 1 } };
            builder.AddSiloBuilderConfigurator<SiloConfigurator>();
            Cluster = builder.Build();
            await Cluster.DeployAsync();
        }

        public async Task DisposeAsync()
        {
            await Cluster.StopAllSilosAsync();
            await Cluster.DisposeAsync();
            await Emulator.DisposeAsync();
        }

        private sealed class SiloConfigurator : ISiloConfigurator
        {
            public void Configure(ISiloBuilder silo)
            {
                silo.AddMemoryGrainStorage(StorageNames.Main);
                silo.AddMemoryGrainStorage(StorageNames.PubSub);
                silo.AddMemoryStreams(StreamNames.Provider);
                var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
                {
                    ["Gateway:BaseAddress"] = s_gateway!.ToString(),
                    ["Gateway:AttemptTimeout"] = "00:00:02",
                    ["Gateway:MaxRetryAttempts"] = "1",
                    ["Gateway:RetryBaseDelay"] = "00:00:00.020",
                    ["Gateway:RetryMaxDelay"] = "00:00:00.050",
                    ["Gateway:CircuitBreakerMinimumThroughput"] = "1000",
                    ["Interop:RetryBaseDelay"] = "00:02:00",
                    ["Interop:MaxRetryDelay"] = "00:05:00",
                    ["Interop:RedriveInterval"] = "01:00:00",
                    ["Interop:RecoveryProbeInterval"] = "00:00:01",
                    ["Interop:ResumeCooldown"] = "00:00:00.500",
                    ["Interop:DefaultGatewayUsername"] = "grain-tests",
                    ["Interop:DefaultGatewayPassword"] = "secret",
                    ["Secrets:Key"] = TestSecrets.Key,
                }).Build();
                silo.Services.AddSoSucKhoeGrains(configuration);
            }
        }
    }
}
