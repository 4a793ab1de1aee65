using SoSucKhoe.GatewayEmulator;
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
    public sealed class Fixture : ClusterFixture
    {
        protected override Dictionary<string, string> Settings(Uri gateway)
        {
            var settings = base.Settings(gateway);
            settings["Gateway:MaxRetryAttempts"] = "1";
            settings["Gateway:RetryMaxDelay"] = "00:00:00.050";
            settings["Forwarding:RetryBaseDelay"] = "00:02:00";
            settings["Forwarding:MaxRetryDelay"] = "00:05:00";
            settings["Forwarding:RedriveInterval"] = "01:00:00";
            settings["Forwarding:RecoveryProbeInterval"] = "00:00:01";
            settings["Forwarding:ResumeCooldown"] = "00:00:00.500";
            return settings;
        }
    }
}
