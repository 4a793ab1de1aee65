using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Net.Client;
using SoSucKhoe.Api.V1;
using SoSucKhoe.GatewayEmulator;
using SoSucKhoe.TestData;
using SoSucKhoe.Testing;
using Xunit.Abstractions;

namespace SoSucKhoe.EndToEnd.Tests;

/// <summary>
/// The logs of a full end-to-end run, at Information level, captured from the hub process: not one raw personal ID, card number,
/// name or phone number of the citizens the run handled appears in them.
/// </summary>
public sealed class LogPrivacyTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly DateTimeOffset Arrival = new(2025, 6, 2, 8, 0, 0, TimeSpan.FromHours(7));
    private const string GatewayPassword = "Gw-Secret-Log-9931";
    private readonly ProvinceGenerator _province = new(seed: 911, new ProvinceOptions { FacilityCount = 2, CitizenCount = 200 });
    private HubWorkspace _workspace = null!;

    private EmulatorServer Emulator => _workspace.Emulator;

    private HubSettings Settings => _workspace.Settings;

    public async Task InitializeAsync() => _workspace = await HubWorkspace.CreateAsync("logs");

    public async Task DisposeAsync() => await _workspace.DisposeAsync();

    [Fact]
    public async Task A_full_run_leaves_no_raw_identifier_or_name_in_the_logs()
    {
        var citizens = Enumerable.Range(0, 12).Select(i => _province.CitizenAt(i)).Where(c => c.IsInsured).Take(8).ToList();
        var facility = _province.Facilities()[0];
        var factory = new DossierFactory(17);
        string logs;
        using (var hub = await HubProcess.StartAsync(Settings, TimeSpan.FromSeconds(90),
            "--Serilog:MinimumLevel:Default=Debug", "--Serilog:MinimumLevel:Override:Orleans=Information"))
        {
            using var channel = GrpcChannel.ForAddress(Settings.GrpcAddress);
            var clients = new HubClients(channel, Settings.AdminKey);
            var intake = await clients.IntakeForAsync(facility.Code, facility.Name);
            // The facility's gateway account is used for every forwarded dossier; its password must never reach a log line.
            await clients.AdminFacilities.SetGatewayAccountAsync(new SetGatewayAccountRequest
            {
                FacilityCode = facility.Code,
                Username = "gw" + facility.Code,
                Password = GatewayPassword,
                EgressAddress = "127.0.0.1",
            });
            await clients.AdminFacilities.RegisterFacilityAsync(new RegisterFacilityRequest
            {
                FacilityCode = facility.Code,
                GatewayUsername = "gw" + facility.Code,
                GatewayPassword = GatewayPassword + "-rotated",
            });
            Emulator.State.ApplyFaults(new EmulatorFaultUpdate(FailNext: 4));
            foreach (var citizen in citizens)
            {
                var episode = factory.CreateEpisode(citizen, facility, "01", Arrival);
                await intake.CheckInAsync(new CheckInRequest
                {
                    FacilityCode = facility.Code,
                    MaLk = episode.Dossier.MaLk,
                    Patient = new PatientIdentity { PersonalId = citizen.PersonalId, InsuranceCard = citizen.Card!.Number },
                    VisitType = "01",
                    ArrivalTime = Timestamp.FromDateTimeOffset(Arrival),
                    CheckInDocument = ByteString.CopyFrom(episode.CheckIn.Payload),
                });
                await intake.SubmitDossierAsync(new SubmitDossierRequest { Document = ByteString.CopyFrom(episode.Dossier.Payload) });
                await intake.SubmitDossierAsync(new SubmitDossierRequest { Document = ByteString.CopyFrom(episode.Dossier.Payload) });
            }

            // Refusals log too: an invalid dossier, an unknown card, a person conflict.
            var invalid = factory.Create(citizens[0], facility, "01", Arrival).WithField("XML1", "NGAY_RA", "202401010000");
            await Assert.ThrowsAsync<RpcException>(() =>
                intake.SubmitDossierAsync(new SubmitDossierRequest { Document = ByteString.CopyFrom(invalid.Payload) }).ResponseAsync);
            var stranger = _province.CitizenAt(150);
            await Assert.ThrowsAnyAsync<RpcException>(() => intake.CheckInAsync(new CheckInRequest
            {
                FacilityCode = facility.Code,
                MaLk = "LK-STRANGER",
                Patient = new PatientIdentity { InsuranceCard = stranger.Card?.Number ?? "DN4701234567890" },
                VisitType = "01",
                ArrivalTime = Timestamp.FromDateTimeOffset(Arrival),
            }).ResponseAsync);

            Assert.True(await Eventually.Until(() => Emulator.State.GetStats().Dossiers >= citizens.Count, TimeSpan.FromSeconds(60)));
            await Task.Delay(500);
            logs = hub.Output;
        }

        output.WriteLine($"captured {logs.Length} characters of logs");
        Assert.True(logs.Length > 2_000, "the run should have produced a meaningful amount of logs");
        Assert.Contains("Dossier accepted", logs, StringComparison.Ordinal);
        // Identifiers did reach the logs (grain ids, the hub's own messages) and were masked there.
        Assert.Matches(new System.Text.RegularExpressions.Regex(@"\d{4}\*{6}\d{2}"), logs);
        Assert.DoesNotContain(GatewayPassword, logs, StringComparison.Ordinal);
        foreach (var citizen in citizens)
        {
            Assert.DoesNotContain(citizen.PersonalId, logs, StringComparison.Ordinal);
            Assert.DoesNotContain(citizen.Card!.Number, logs, StringComparison.Ordinal);
            Assert.DoesNotContain(citizen.Card.SocialInsuranceNumber, logs, StringComparison.Ordinal);
            Assert.DoesNotContain(citizen.FullName, logs, StringComparison.Ordinal);
            Assert.DoesNotContain(citizen.Phone, logs, StringComparison.Ordinal);
        }
    }
}
