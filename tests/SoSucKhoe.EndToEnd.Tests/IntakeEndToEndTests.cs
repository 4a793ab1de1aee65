using System.Security.Cryptography;
using System.Text;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Grpc.Health.V1;
using SoSucKhoe.Api.V1;
using SoSucKhoe.GatewayEmulator;
using SoSucKhoe.TestData;
using SoSucKhoe.Testing;

namespace SoSucKhoe.EndToEnd.Tests;

/// <summary>A HIS talking to the hub over real gRPC on loopback, the hub forwarding to the gateway emulator.</summary>
[Collection(HubCollection.Name)]
public sealed class IntakeEndToEndTests(HubFixture hub) : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private static readonly DateTimeOffset Arrival = new(2025, 4, 7, 7, 30, 0, TimeSpan.FromHours(7));
    private static int s_citizen;
    private readonly ProvinceGenerator _province = new(seed: 4242, new ProvinceOptions { FacilityCount = 12, CitizenCount = 5_000 });
    private static readonly DossierFactory s_dossiers = new(seed: 99);

    public async Task InitializeAsync()
    {
        hub.Emulator.State.ApplyFaults(new EmulatorFaultUpdate(Clear: true));
        foreach (var facility in _province.Facilities().Take(10))
        {
            await hub.Clients.FacilityKeyAsync(facility.Code, facility.Name);
        }
    }

    public Task DisposeAsync()
    {
        hub.Emulator.State.ApplyFaults(new EmulatorFaultUpdate(Clear: true));
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_checked_in_patient_s_dossier_is_accepted_then_acknowledged_with_the_facility_s_exact_bytes()
    {
        var citizen = NextCitizen(insured: true);
        var facility = _province.Facilities()[0];
        var episode = s_dossiers.CreateEpisode(citizen, facility, "01", Arrival);

        var intake = await IntakeAt(facility);
        var checkIn = await intake.CheckInAsync(new CheckInRequest
        {
            FacilityCode = facility.Code,
            MaLk = episode.Dossier.MaLk,
            Patient = new PatientIdentity { PersonalId = citizen.PersonalId, InsuranceCard = citizen.Card!.Number },
            VisitType = "01",
            ArrivalTime = Timestamp.FromDateTimeOffset(Arrival),
            CheckInDocument = ByteString.CopyFrom(episode.CheckIn.Payload),
        });
        var accepted = await intake.SubmitDossierAsync(new SubmitDossierRequest { Document = ByteString.CopyFrom(episode.Dossier.Payload) });

        Assert.True(checkIn.Created);
        Assert.True(checkIn.CheckInDocumentQueued);
        Assert.Equal(citizen.PersonalId, checkIn.Person.PersonKey);
        Assert.Equal($"{facility.Code}:{episode.Dossier.MaLk}", accepted.DossierId);
        Assert.Equal(1, accepted.Version);
        Assert.Equal(checkIn.Encounter.Sequence, accepted.EncounterSequence);
        Assert.False(accepted.Duplicate);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(episode.Dossier.Payload)), accepted.ContentSha256);

        var status = await WaitForState(intake, accepted.DossierId, DossierState.Acknowledged);
        var received = hub.Emulator.State.GetReceived(0, 100_000).Where(r => r.MaLk == episode.Dossier.MaLk).ToList();
        Assert.Equal([ReceivedKind.CheckIn, ReceivedKind.Dossier], received.Select(r => r.Kind));
        Assert.Equal(accepted.ContentSha256, received[1].ContentSha256);
        Assert.Equal(received[1].MaGiaoDich, status.Receipt.MaGiaoDich);
        Assert.Equal(received[1].ThoiGianTiepNhan, status.Receipt.ThoiGianTiepNhan);
        Assert.Equal(facility.Code[..2], received[1].MaTinh);
    }

    [Fact]
    public async Task Checking_in_again_with_the_same_check_in_document_queues_nothing_new()
    {
        var citizen = NextCitizen(insured: true);
        var facility = _province.Facilities()[3];
        var episode = s_dossiers.CreateEpisode(citizen, facility, "01", Arrival);
        var request = new CheckInRequest
        {
            FacilityCode = facility.Code,
            MaLk = episode.Dossier.MaLk,
            Patient = new PatientIdentity { PersonalId = citizen.PersonalId },
            VisitType = "01",
            ArrivalTime = Timestamp.FromDateTimeOffset(Arrival),
            CheckInDocument = ByteString.CopyFrom(episode.CheckIn.Payload),
        };
        var intake = await IntakeAt(facility);

        var first = await intake.CheckInAsync(request);
        var again = await intake.CheckInAsync(request);

        Assert.True(first.CheckInDocumentQueued);
        Assert.False(again.Created);
        Assert.False(again.CheckInDocumentQueued);
        Assert.Equal(first.Encounter.Sequence, again.Encounter.Sequence);
        Assert.True(await Eventually.Until(() => hub.Emulator.State.GetReceived(0, 100_000)
            .Any(r => r.MaLk == episode.Dossier.MaLk && r.Kind == ReceivedKind.CheckIn), Patience));
        await Task.Delay(500);
        Assert.Single(hub.Emulator.State.GetReceived(0, 100_000), r => r.MaLk == episode.Dossier.MaLk && r.Kind == ReceivedKind.CheckIn);
    }

    [Fact]
    public async Task Sending_the_same_bytes_again_returns_the_earlier_answer_marked_duplicate()
    {
        var dossier = s_dossiers.Create(NextCitizen(), _province.Facilities()[1], "01", Arrival);
        var request = new SubmitDossierRequest { Document = ByteString.CopyFrom(dossier.Payload) };
        var intake = await IntakeAt(_province.Facilities()[1]);

        var first = await intake.SubmitDossierAsync(request);
        var second = await intake.SubmitDossierAsync(request);

        Assert.False(first.Duplicate);
        Assert.True(second.Duplicate);
        Assert.Equal(first.Version, second.Version);
        Assert.Equal(first.AcceptedAt, second.AcceptedAt);
        await WaitForState(intake, first.DossierId, DossierState.Acknowledged);
        Assert.Single(hub.Emulator.State.GetReceived(0, 100_000), r => r.MaLk == dossier.MaLk);
    }

    [Fact]
    public async Task An_invalid_dossier_is_refused_with_every_violation_and_nothing_is_stored_or_forwarded()
    {
        var dossier = s_dossiers.Create(NextCitizen(), _province.Facilities()[2], "01", Arrival)
            .Mutate()
            .WithField("XML1", "NGAY_RA", "202401010000")
            .WithField("XML1", "MA_LOAI_KCB", "99")
            .Build();
        var intake = await IntakeAt(_province.Facilities()[2]);

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            intake.SubmitDossierAsync(new SubmitDossierRequest { Document = ByteString.CopyFrom(dossier.Payload) }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        var violations = error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations;
        Assert.Contains(violations, v => v.Field == "XML1.NGAY_RA" && v.Description.StartsWith("date_order:", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Field == "XML1.MA_LOAI_KCB" && v.Description.StartsWith("code_list:", StringComparison.Ordinal));
        var lookup = await Assert.ThrowsAsync<RpcException>(() => intake.GetDossierStatusAsync(
            new GetDossierStatusRequest { DossierId = $"{dossier.FacilityCode}:{dossier.MaLk}" }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, lookup.StatusCode);
        Assert.DoesNotContain(hub.Emulator.State.GetReceived(0, 100_000), r => r.MaLk == dossier.MaLk);
    }

    [Fact]
    public async Task A_dossier_from_a_facility_the_registry_does_not_know_fails_its_precondition()
    {
        // A valid facility key for a facility missing from the registry (e.g. a registry restored from before it was registered):
        // only the hub's own grains can set this up, no RPC issues a key for an unregistered facility.
        var stranger = _province.Facilities()[11];
        var (key, record) = SoSucKhoe.Api.Security.ApiKeys.Create(SoSucKhoe.Security.CallerRole.Facility, stranger.Code, "test", DateTimeOffset.UtcNow);
        var grains = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<IGrainFactory>(hub.Services);
        Assert.True(await grains.GetGrain<SoSucKhoe.Security.ICredentialGrain>(record.KeyId).Create(record));
        var intake = new Intake.IntakeClient(hub.Clients.With(key));
        var dossier = s_dossiers.Create(NextCitizen(), stranger, "01", Arrival);

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            intake.SubmitDossierAsync(new SubmitDossierRequest { Document = ByteString.CopyFrom(dossier.Payload) }).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Equal("facility_not_registered", Assert.Single(error.GetRpcStatus()!.GetDetail<PreconditionFailure>().Violations).Type);
        Assert.DoesNotContain(hub.Emulator.State.GetReceived(0, 100_000), r => r.MaLk == dossier.MaLk);
    }

    [Fact]
    public async Task An_episode_filed_under_one_person_is_refused_for_another_and_stays_with_the_first()
    {
        var facility = _province.Facilities()[3];
        var first = NextCitizen();
        var second = NextCitizen();
        var dossier = s_dossiers.Create(first, facility, "01", Arrival);
        var intake = await IntakeAt(facility);
        var accepted = await intake.SubmitDossierAsync(new SubmitDossierRequest { Document = ByteString.CopyFrom(dossier.Payload) });

        var error = await Assert.ThrowsAsync<RpcException>(() => intake.CheckInAsync(new CheckInRequest
        {
            FacilityCode = facility.Code,
            MaLk = dossier.MaLk,
            Patient = new PatientIdentity { PersonalId = second.PersonalId },
            VisitType = "01",
            ArrivalTime = Timestamp.FromDateTimeOffset(Arrival),
        }).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Equal("episode_person_conflict", Assert.Single(error.GetRpcStatus()!.GetDetail<PreconditionFailure>().Violations).Type);
        var status = await WaitForState(intake, accepted.DossierId, DossierState.Acknowledged);
        Assert.Equal(accepted.EncounterSequence, status.EncounterSequence);
        var again = await intake.CheckInAsync(new CheckInRequest
        {
            FacilityCode = facility.Code,
            MaLk = dossier.MaLk,
            Patient = new PatientIdentity { PersonalId = first.PersonalId },
            VisitType = "01",
            ArrivalTime = Timestamp.FromDateTimeOffset(Arrival),
        });
        Assert.Equal(first.PersonalId, again.Person.PersonKey);
        Assert.False(again.Created);
    }

    [Fact]
    public async Task An_insurance_card_seen_with_a_personal_id_identifies_the_patient_at_the_next_check_in()
    {
        var citizen = NextCitizen(insured: true);
        var facility = _province.Facilities()[3];
        var intake = await IntakeAt(facility);
        await intake.CheckInAsync(CheckIn(facility, "LK-CARD-A-" + citizen.Index,
            new PatientIdentity { PersonalId = citizen.PersonalId, InsuranceCard = citizen.Card!.Number }));

        var byCard = await intake.CheckInAsync(CheckIn(facility, "LK-CARD-B-" + citizen.Index,
            new PatientIdentity { InsuranceCard = citizen.Card.Number }));

        Assert.Equal(citizen.PersonalId, byCard.Person.PersonKey);
        Assert.Equal(2, byCard.Encounter.Sequence);
    }

    [Fact]
    public async Task An_unknown_card_alone_cannot_identify_a_patient()
    {
        // The generator derives a card's social-insurance number from the citizen's index alone (not from the seed), so the
        // classes of this collection share the numbers of small indices: take one that no test uses.
        var citizen = Enumerable.Range(99_999_000, 1_000).Select(i => _province.CitizenAt(i)).First(c => c.IsInsured);
        var intake = await IntakeAt(_province.Facilities()[3]);

        var error = await Assert.ThrowsAsync<RpcException>(() => intake.CheckInAsync(CheckIn(_province.Facilities()[3],
            "LK-UNKNOWN-CARD", new PatientIdentity { InsuranceCard = citizen.Card!.Number })).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
    }

    [Fact]
    public async Task A_check_in_with_malformed_identifiers_lists_each_bad_field()
    {
        var facility = _province.Facilities()[3];
        var intake = await IntakeAt(facility);
        var error = await Assert.ThrowsAsync<RpcException>(() => intake.CheckInAsync(new CheckInRequest
        {
            FacilityCode = facility.Code,
            MaLk = "",
            Patient = new PatientIdentity { PersonalId = "12345", InsuranceCard = "XX" },
            VisitType = "42",
        }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        var fields = error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Select(v => v.Field).ToHashSet();
        Assert.Superset(new HashSet<string>
        {
            "REQUEST.ma_lk", "REQUEST.visit_type", "REQUEST.arrival_time",
            "REQUEST.patient.personal_id", "REQUEST.patient.insurance_card",
        }, fields);
    }

    [Fact]
    public async Task A_gateway_outage_delays_forwarding_but_the_dossier_is_accepted_and_later_acknowledged()
    {
        var dossier = s_dossiers.Create(NextCitizen(), _province.Facilities()[4], "03", Arrival);
        hub.Emulator.State.ApplyFaults(new EmulatorFaultUpdate(OutageSeconds: 3));

        var intake = await IntakeAt(_province.Facilities()[4]);
        var accepted = await intake.SubmitDossierAsync(new SubmitDossierRequest { Document = ByteString.CopyFrom(dossier.Payload) });
        var status = await WaitForState(intake, accepted.DossierId, DossierState.Acknowledged);

        Assert.True(status.Attempts > 1, $"expected retries through the outage, saw {status.Attempts}");
        Assert.True(hub.Emulator.State.GetStats().FaultsInjected > 0);
    }

    [Fact]
    public async Task A_hostile_document_is_refused_and_the_hub_keeps_serving()
    {
        var hostile = Encoding.UTF8.GetBytes(
            "<?xml version=\"1.0\"?><!DOCTYPE GIAMDINHHS [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><GIAMDINHHS>&x;</GIAMDINHHS>");

        var intake = await IntakeAt(_province.Facilities()[0]);
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            intake.SubmitDossierAsync(new SubmitDossierRequest { Document = ByteString.CopyFrom(hostile) }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.DoesNotContain("root:", error.Status.Detail, StringComparison.Ordinal);
        var health = await new Health.HealthClient(hub.Clients.Channel).CheckAsync(new HealthCheckRequest());
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Status);
    }

    [Fact]
    public async Task A_message_larger_than_the_limit_is_refused_as_resource_exhausted()
    {
        var request = new SubmitDossierRequest { Document = ByteString.CopyFrom(new byte[33 * 1024 * 1024]) };

        var intake = await IntakeAt(_province.Facilities()[0]);
        var error = await Assert.ThrowsAsync<RpcException>(() => intake.SubmitDossierAsync(request).ResponseAsync);

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        Assert.Equal($"The message is {request.CalculateSize()} bytes; the hub accepts at most 33554432 bytes (Hub:MaxMessageBytes).",
            error.Status.Detail);
    }

    [Fact]
    public async Task With_the_default_limit_a_33_MiB_message_with_a_declared_length_is_refused_as_resource_exhausted()
    {
        // A declared Content-Length above Kestrel's body limit used to fail the first read: UNKNOWN and a logged stack trace.
        var request = new SubmitDossierRequest { Document = UnsafeByteOperations.UnsafeWrap(new byte[33 * 1024 * 1024]) };
        var key = await hub.Clients.FacilityKeyAsync(_province.Facilities()[0].Code, _province.Facilities()[0].Name);
        using var http = new HttpClient(new SocketsHttpHandler()) { Timeout = TimeSpan.FromSeconds(60) };

        var error = await HostileWire.SendAsync(http, hub.Settings.GrpcAddress, key,
            HostileWireRequest.Of(HostileWireRequest.SubmitDossier, request) with { DeclaresLength = true }, CancellationToken.None);

        Assert.NotNull(error);
        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        Assert.Equal($"The message is {request.CalculateSize()} bytes; the hub accepts at most 33554432 bytes (Hub:MaxMessageBytes).",
            error.Status.Detail);
        var health = await new Health.HealthClient(hub.Clients.Channel).CheckAsync(new HealthCheckRequest());
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Status);
    }

    [Fact]
    public async Task A_facility_registration_is_read_back_without_its_gateway_password()
    {
        var facility = _province.Facilities()[5];
        await hub.Clients.AdminFacilities.RegisterFacilityAsync(new RegisterFacilityRequest
        {
            FacilityCode = facility.Code,
            Name = facility.Name,
            GatewayUsername = "user-" + facility.Code,
            GatewayPassword = "s3cret-password",
        });

        var read = await hub.Clients.AdminFacilities.GetFacilityAsync(new GetFacilityRequest { FacilityCode = facility.Code });

        Assert.Equal(facility.Name, read.Name);
        Assert.Equal(facility.Code[..2], read.ProvinceCode);
        Assert.True(read.HasGatewayAccount);
        Assert.DoesNotContain("s3cret", read.ToString(), StringComparison.Ordinal);
    }

    private static CheckInRequest CheckIn(SyntheticFacility facility, string maLk, PatientIdentity identity) => new()
    {
        FacilityCode = facility.Code,
        MaLk = maLk,
        Patient = identity,
        VisitType = "01",
        ArrivalTime = Timestamp.FromDateTimeOffset(Arrival),
    };

    private SyntheticCitizen NextCitizen(bool insured = false)
    {
        while (true)
        {
            var citizen = _province.CitizenAt(Interlocked.Increment(ref s_citizen));
            if (!insured || citizen.IsInsured)
            {
                return citizen;
            }
        }
    }

    private Task<Intake.IntakeClient> IntakeAt(SyntheticFacility facility) => hub.Clients.IntakeForAsync(facility.Code, facility.Name);

    private static async Task<DossierStatus> WaitForState(Intake.IntakeClient intake, string dossierId, DossierState expected)
    {
        DossierStatus? status = null;
        var reached = await Eventually.Until(async () =>
        {
            status = await intake.GetDossierStatusAsync(new GetDossierStatusRequest { DossierId = dossierId });
            return status.State == expected;
        }, Patience);
        Assert.True(reached, $"{dossierId} did not reach {expected}; last state {status?.State}, error {status?.LastError}");
        return status!;
    }
}
