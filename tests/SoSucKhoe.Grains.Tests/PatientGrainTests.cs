using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using SoSucKhoe.Dossiers;
using SoSucKhoe.GatewayEmulator;
using SoSucKhoe.Grains.Patients;
using SoSucKhoe.Patients;
using SoSucKhoe.TestData;
using SoSucKhoe.Testing;

namespace SoSucKhoe.Grains.Tests;

/// <summary>
/// The patient grain on a test cluster: encounter order, idempotency, corrections, concurrency, and forwarding through the
/// stream to the gateway emulator.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class PatientGrainTests(ClusterFixture fixture) : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private static readonly DateTimeOffset Monday = new(2025, 3, 3, 8, 0, 0, TimeSpan.FromHours(7));
    private static int s_citizenIndex;
    private readonly ProvinceGenerator _province = new(seed: 20251, new ProvinceOptions { FacilityCount = 30, CitizenCount = 10_000 });
    private readonly DossierFactory _dossiers = new(seed: 77);

    public async Task InitializeAsync()
    {
        fixture.Emulator.State.ApplyFaults(new EmulatorFaultUpdate(Clear: true));
        foreach (var facility in _province.Facilities())
        {
            await Submissions.RegisterAsync(fixture.Grains, facility);
        }
    }

    public Task DisposeAsync()
    {
        fixture.Emulator.State.ApplyFaults(new EmulatorFaultUpdate(Clear: true));
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Encounters_are_listed_by_arrival_time_and_keep_the_sequence_given_when_first_seen()
    {
        var citizen = NextCitizen();
        var patient = fixture.Grains.GetGrain<IPatientGrain>(citizen.PersonalId);
        var facilities = _province.Facilities();
        var late = _dossiers.Create(citizen, facilities[0], "01", Monday.AddDays(10));
        var early = _dossiers.Create(citizen, facilities[1], "01", Monday);
        var middle = _dossiers.Create(citizen, facilities[2], "03", Monday.AddDays(5));

        var first = await patient.SubmitDossier(Submissions.From(late));
        var second = await patient.SubmitDossier(Submissions.From(early));
        var third = await patient.SubmitDossier(Submissions.From(middle));

        Assert.Equal([1L, 2L, 3L], new[] { first.EncounterSequence, second.EncounterSequence, third.EncounterSequence });
        var encounters = await patient.GetEncounters();
        Assert.Equal([early.MaLk, middle.MaLk, late.MaLk], encounters.Select(e => e.MaLk));
        Assert.Equal([2L, 3L, 1L], encounters.Select(e => e.Sequence));
    }

    [Fact]
    public async Task Identical_resubmission_returns_the_earlier_answer_and_forwards_nothing_new()
    {
        var citizen = NextCitizen();
        var patient = fixture.Grains.GetGrain<IPatientGrain>(citizen.PersonalId);
        var dossier = _dossiers.Create(citizen, _province.Facilities()[3], "01", Monday);

        var first = await patient.SubmitDossier(Submissions.From(dossier));
        await WaitAcknowledged(patient, dossier, 1);
        var again = await patient.SubmitDossier(Submissions.From(dossier));

        Assert.False(first.Duplicate);
        Assert.True(again.Duplicate);
        Assert.Equal(first.Version, again.Version);
        Assert.Equal(first.EncounterSequence, again.EncounterSequence);
        Assert.Equal(ForwardingState.Acknowledged, again.State);
        Assert.Equal(0, await patient.GetOutboxLength());
        Assert.Single(ReceivedFor(dossier.MaLk));
    }

    [Fact]
    public async Task The_forwarder_gets_no_document_for_an_entry_that_is_not_open()
    {
        var citizen = NextCitizen();
        var patient = fixture.Grains.GetGrain<IPatientGrain>(citizen.PersonalId);
        var dossier = _dossiers.Create(citizen, _province.Facilities()[3], "01", Monday.AddMinutes(17));

        Assert.Null(await patient.GetOutboxDocument("no-such-entry"));
        await patient.SubmitDossier(Submissions.From(dossier));
        await WaitAcknowledged(patient, dossier, 1);

        // The stream event carried no bytes: the forwarder fetched them from the outbox, and the gateway got them unchanged.
        Assert.Equal(DossierHash.Compute(dossier.Payload), Assert.Single(ReceivedFor(dossier.MaLk)).ContentSha256);
        Assert.Equal(0, await patient.GetOutboxLength());
    }

    [Fact]
    public async Task Changed_content_for_the_same_episode_is_a_correction_with_the_next_version_and_is_forwarded_again()
    {
        var citizen = NextCitizen();
        var patient = fixture.Grains.GetGrain<IPatientGrain>(citizen.PersonalId);
        var original = _dossiers.Create(citizen, _province.Facilities()[4], "01", Monday);
        var corrected = original.WithField("XML1", "NGAY_TTOAN", "202503101030");

        var v1 = await patient.SubmitDossier(Submissions.From(original));
        var v2 = await patient.SubmitDossier(Submissions.From(corrected));

        Assert.Equal(1, v1.Version);
        Assert.Equal(2, v2.Version);
        Assert.Equal(v1.EncounterSequence, v2.EncounterSequence);
        await WaitAcknowledged(patient, corrected, 2);
        var received = ReceivedFor(original.MaLk);
        Assert.Equal(2, received.Count);
        Assert.Equal(
            [DossierHash.Compute(original.Payload), DossierHash.Compute(corrected.Payload)],
            received.Select(r => r.ContentSha256));
        var firstStatus = await patient.GetDossierStatus(original.FacilityCode, original.MaLk, 1);
        Assert.Equal(2, firstStatus!.LatestVersion);
    }

    [Fact]
    public async Task A_finished_encounter_is_stored_encoded_and_a_correction_opens_it_again()
    {
        var citizen = NextCitizen();
        var patient = fixture.Grains.GetGrain<IPatientGrain>(citizen.PersonalId);
        var facilities = _province.Facilities();
        var first = _dossiers.Create(citizen, facilities[11], "01", Monday.AddDays(20));
        var second = _dossiers.Create(citizen, facilities[12], "01", Monday.AddDays(21));

        await patient.SubmitDossier(Submissions.From(first));
        var pending = await ReadStoredState(citizen.PersonalId);
        var pendingHistory = await ReadStoredHistory(citizen.PersonalId);
        await WaitAcknowledged(patient, first, 1);
        await patient.SubmitDossier(Submissions.From(second));
        await WaitAcknowledged(patient, second, 1);
        var settled = await ReadStoredState(citizen.PersonalId);
        var history = await ReadStoredHistory(citizen.PersonalId);

        // Accepted but not yet answered: a plain encounter, and no history yet. Once both are acknowledged, the main state is
        // empty and the history state holds their bytes.
        Assert.Equal([first.MaLk], pending.Encounters.Select(e => e.MaLk));
        Assert.Null(pendingHistory);
        Assert.Empty(settled.Encounters);
        Assert.Empty(settled.Outbox);
        Assert.Empty(settled.Settled);
        Assert.Equal([first.MaLk, second.MaLk], history!.Settled.Select(s => s.MaLk));
        Assert.Equal([1L, 2L], history.Settled.Select(s => s.Sequence));
        var acknowledged = await patient.GetDossierStatus(first.FacilityCode, first.MaLk, 1);
        Assert.Equal(ForwardingState.Acknowledged, acknowledged!.State);
        Assert.NotNull(acknowledged.Receipt);

        // A correction of the first episode decodes it, adds version 2 to the same encounter and forwards it. Only the main state
        // is written: the history keeps its copy of version 1 until its next write, and the open encounter is the current one.
        var corrected = first.WithField("XML1", "NGAY_TTOAN", "202503101030");
        var again = await patient.SubmitDossier(Submissions.From(corrected));
        var reopened = await ReadStoredState(citizen.PersonalId);
        var historyWhileOpen = await ReadStoredHistory(citizen.PersonalId);
        Assert.Equal(2, again.Version);
        Assert.Equal(1, again.EncounterSequence);
        Assert.False(again.Duplicate);
        Assert.Equal([first.MaLk], reopened.Encounters.Select(e => e.MaLk));
        Assert.Equal(history.Settled.Select(s => s.Encounter), historyWhileOpen!.Settled.Select(s => s.Encounter));

        await WaitAcknowledged(patient, corrected, 2);
        var final = await ReadStoredState(citizen.PersonalId);
        var finalHistory = await ReadStoredHistory(citizen.PersonalId);
        Assert.Empty(final.Encounters);
        Assert.Equal([first.MaLk, second.MaLk], finalHistory!.Settled.Select(s => s.MaLk));
        Assert.NotEqual(history.Settled[0].Encounter, finalHistory.Settled[0].Encounter);
        Assert.Equal(history.Settled[1].Encounter, finalHistory.Settled[1].Encounter);
        var encounters = await patient.GetEncounters();
        Assert.Equal([1L, 2L], encounters.Select(e => e.Sequence));
        Assert.Equal([2, 1], encounters.Select(e => e.LatestVersion));
        Assert.Equal(ForwardingState.Acknowledged, (await patient.GetDossierStatus(first.FacilityCode, first.MaLk, 1))!.State);
        Assert.Equal(2, ReceivedFor(first.MaLk).Count);
        Assert.True((await patient.SubmitDossier(Submissions.From(second))).Duplicate);
    }

    [Fact]
    public async Task A_state_that_kept_its_history_in_the_main_state_moves_it_to_the_history_state_at_the_next_write()
    {
        var citizen = NextCitizen();
        var encounters = fixture.SiloServices.GetRequiredService<Orleans.Serialization.Serializer<EncounterRecord>>();
        var earlier = new EncounterRecord
        {
            Sequence = 1,
            FacilityCode = "70001",
            MaLk = "LK-LEGACY-1",
            VisitType = "01",
            ArrivalTime = Monday.AddDays(-30),
        };
        var storage = fixture.SiloServices.GetRequiredKeyedService<IGrainStorage>(StorageNames.Main);
        await storage.WriteStateAsync("patient", GrainId.Create("patient", citizen.PersonalId), new GrainState<PatientState>(new PatientState
        {
            NextSequence = 2,
            Settled = [new SettledEncounter { FacilityCode = "70001", MaLk = "LK-LEGACY-1", Sequence = 1, Encounter = encounters.SerializeToArray(earlier) }],
        }));
        var patient = fixture.Grains.GetGrain<IPatientGrain>(citizen.PersonalId);

        Assert.Equal(["LK-LEGACY-1"], (await patient.GetEncounters()).Select(e => e.MaLk));
        var dossier = _dossiers.Create(citizen, _province.Facilities()[13], "01", Monday.AddDays(25));
        var accepted = await patient.SubmitDossier(Submissions.From(dossier));

        Assert.Equal(2, accepted.EncounterSequence);
        Assert.Empty((await ReadStoredState(citizen.PersonalId)).Settled);
        // The gateway may acknowledge the new dossier (settling it into the history too) before these reads: the legacy
        // encounter is the history's first entry either way.
        Assert.Equal("LK-LEGACY-1", Assert.IsType<PatientHistoryState>(await ReadStoredHistory(citizen.PersonalId)).Settled[0].MaLk);
        Assert.Equal(["LK-LEGACY-1", dossier.MaLk], (await patient.GetEncounters()).Select(e => e.MaLk));

        await WaitAcknowledged(patient, dossier, 1);
        Assert.Empty((await ReadStoredState(citizen.PersonalId)).Settled);
        Assert.Equal(["LK-LEGACY-1", dossier.MaLk], (await ReadStoredHistory(citizen.PersonalId))!.Settled.Select(s => s.MaLk));
    }

    [Fact]
    public async Task Concurrent_submissions_for_one_person_from_many_facilities_serialize_without_loss_or_duplication()
    {
        var citizen = NextCitizen();
        var patient = fixture.Grains.GetGrain<IPatientGrain>(citizen.PersonalId);
        var dossiers = _province.Facilities().Take(20)
            .Select((facility, i) => _dossiers.Create(citizen, facility, "01", Monday.AddHours(i)))
            .ToList();

        var answers = await Task.WhenAll(dossiers.Select(d => patient.SubmitDossier(Submissions.From(d))));

        Assert.Equal(Enumerable.Range(1, 20).Select(i => (long)i), answers.Select(a => a.EncounterSequence).Order());
        Assert.All(answers, a => Assert.Equal(1, a.Version));
        Assert.True(await Eventually.Until(async () => await patient.GetOutboxLength() == 0, Patience));
        foreach (var dossier in dossiers)
        {
            Assert.Single(ReceivedFor(dossier.MaLk));
        }

        var encounters = await patient.GetEncounters();
        Assert.Equal(20, encounters.Count);
        Assert.All(encounters, e => Assert.Equal(ForwardingState.Acknowledged, e.State));
    }

    [Fact]
    public async Task An_acknowledged_dossier_keeps_the_gateway_receipt()
    {
        var citizen = NextCitizen();
        var patient = fixture.Grains.GetGrain<IPatientGrain>(citizen.PersonalId);
        var dossier = _dossiers.Create(citizen, _province.Facilities()[5], "03", Monday);

        await patient.SubmitDossier(Submissions.From(dossier));
        var status = await WaitAcknowledged(patient, dossier, 1);

        var received = Assert.Single(ReceivedFor(dossier.MaLk));
        Assert.Equal(received.MaGiaoDich, status.Receipt!.MaGiaoDich);
        Assert.Equal(received.ThoiGianTiepNhan, status.Receipt.ThoiGianTiepNhan);
        Assert.NotNull(status.Receipt.ReceivedAt);
        Assert.Equal("200", status.GatewayResultCode);
    }

    [Fact]
    public async Task A_gateway_rejection_is_final_and_kept_with_the_gateway_message()
    {
        var citizen = NextCitizen();
        var patient = fixture.Grains.GetGrain<IPatientGrain>(citizen.PersonalId);
        var dossier = _dossiers.Create(citizen, _province.Facilities()[6], "01", Monday);
        fixture.Emulator.State.ApplyFaults(new EmulatorFaultUpdate(RejectRate: 1.0));

        await patient.SubmitDossier(Submissions.From(dossier));
        DossierStatusView? status = null;
        Assert.True(await Eventually.Until(async () =>
        {
            status = await patient.GetDossierStatus(dossier.FacilityCode, dossier.MaLk, 0);
            return status?.State == ForwardingState.RejectedByGateway;
        }, Patience));

        Assert.NotEqual("200", status!.GatewayResultCode);
        Assert.False(string.IsNullOrWhiteSpace(status.GatewayMessage));
        Assert.Null(status.Receipt);
        Assert.Equal(0, await patient.GetOutboxLength());
    }

    [Fact]
    public async Task Transient_gateway_failures_are_retried_until_the_dossier_is_acknowledged()
    {
        var citizen = NextCitizen();
        var patient = fixture.Grains.GetGrain<IPatientGrain>(citizen.PersonalId);
        var dossier = _dossiers.Create(citizen, _province.Facilities()[7], "01", Monday);
        var faultsBefore = fixture.Emulator.State.GetStats().FaultsInjected;

        // The next six gateway calls answer HTTP 500: more than one round of the client's three attempts.
        fixture.Emulator.State.ApplyFaults(new EmulatorFaultUpdate(FailNext: 6));
        await patient.SubmitDossier(Submissions.From(dossier));
        var status = await WaitAcknowledged(patient, dossier, 1);

        Assert.True(status.Attempts >= 7, $"expected at least 7 attempts, saw {status.Attempts}");
        Assert.False(string.IsNullOrEmpty(status.LastError));
        Assert.Equal(6, fixture.Emulator.State.GetStats().FaultsInjected - faultsBefore);
        Assert.Single(ReceivedFor(dossier.MaLk));
    }

    [Fact]
    public async Task A_check_in_document_reaches_the_gateway_before_the_dossier_of_the_same_episode()
    {
        var citizen = NextCitizen();
        var patient = fixture.Grains.GetGrain<IPatientGrain>(citizen.PersonalId);
        var facility = _province.Facilities()[8];
        var episode = _dossiers.CreateEpisode(citizen, facility, "01", Monday);
        var checkIn = episode.CheckIn.Payload;

        var opened = await patient.CheckIn(new CheckInCommand(facility.Code, facility.ProvinceCode, episode.Dossier.MaLk, "01",
            Monday, [], checkIn, DossierHash.Compute(checkIn), episode.CheckIn.Standard));
        await patient.SubmitDossier(Submissions.From(episode.Dossier));
        await WaitAcknowledged(patient, episode.Dossier, 1);

        Assert.True(opened.Created);
        var received = ReceivedFor(episode.Dossier.MaLk);
        Assert.Equal([ReceivedKind.CheckIn, ReceivedKind.Dossier], received.Select(r => r.Kind));
        Assert.All(received, r => Assert.False(r.OrderViolation));
    }

    [Fact]
    public async Task Checking_in_twice_finds_the_same_encounter_again()
    {
        var citizen = NextCitizen();
        var patient = fixture.Grains.GetGrain<IPatientGrain>(citizen.PersonalId);
        var facility = _province.Facilities()[9];
        var command = new CheckInCommand(facility.Code, facility.ProvinceCode, "LK-TWICE-1", "01", Monday, [], null, null);

        var first = await patient.CheckIn(command);
        var second = await patient.CheckIn(command);

        Assert.True(first.Created);
        Assert.False(second.Created);
        Assert.Equal(first.Encounter.Sequence, second.Encounter.Sequence);
        Assert.Single(await patient.GetEncounters());
    }

    [Fact]
    public async Task The_insurance_number_of_a_filed_dossier_resolves_to_the_person()
    {
        var citizen = NextCitizen(insured: true);
        var patient = fixture.Grains.GetGrain<IPatientGrain>(citizen.PersonalId);
        var dossier = _dossiers.Create(citizen, _province.Facilities()[10], "01", Monday);

        await patient.SubmitDossier(Submissions.From(dossier));

        var link = fixture.Grains.GetGrain<IIdentityLinkGrain>(IdentityLinkKey.ForInsuranceNumber(citizen.Card!.SocialInsuranceNumber));
        Assert.Equal(citizen.PersonalId, await link.Resolve());
    }

    [Fact]
    public async Task An_episode_stays_filed_under_the_first_person_that_claimed_it()
    {
        var episodes = fixture.SiloServices.GetRequiredService<IEpisodeRegistry>();

        var first = await episodes.ClaimAsync("70001", "LK-CLAIM-1", "070090000001");
        var second = await episodes.ClaimAsync("70001", "LK-CLAIM-1", "070090000002");

        Assert.Equal("070090000001", first);
        Assert.Equal("070090000001", second);
        Assert.Equal("070090000001", await episodes.FindAsync("70001", "LK-CLAIM-1"));
        Assert.Null(await episodes.FindAsync("70001", "LK-CLAIM-NEVER"));
    }

    private SyntheticCitizen NextCitizen(bool insured = false)
    {
        while (true)
        {
            var citizen = _province.CitizenAt(Interlocked.Increment(ref s_citizenIndex));
            if (!insured || citizen.IsInsured)
            {
                return citizen;
            }
        }
    }

    private async Task<PatientState> ReadStoredState(string personKey)
    {
        var storage = fixture.SiloServices.GetRequiredKeyedService<IGrainStorage>(StorageNames.Main);
        var state = new GrainState<PatientState>(new PatientState());
        await storage.ReadStateAsync("patient", GrainId.Create("patient", personKey), state);
        Assert.True(state.RecordExists, "the patient grain wrote nothing");
        return state.State!;
    }

    private async Task<PatientHistoryState?> ReadStoredHistory(string personKey)
    {
        var storage = fixture.SiloServices.GetRequiredKeyedService<IGrainStorage>(StorageNames.Main);
        var state = new GrainState<PatientHistoryState>(new PatientHistoryState());
        await storage.ReadStateAsync("patient-history", GrainId.Create("patient", personKey), state);
        return state.RecordExists ? state.State : null;
    }

    private List<ReceivedItem> ReceivedFor(string maLk) =>
        fixture.Emulator.State.GetReceived(0, 100_000).Where(r => r.MaLk == maLk).ToList();

    private static async Task<DossierStatusView> WaitAcknowledged(IPatientGrain patient, GeneratedDossier dossier, int version)
    {
        DossierStatusView? status = null;
        var acknowledged = await Eventually.Until(async () =>
        {
            status = await patient.GetDossierStatus(dossier.FacilityCode, dossier.MaLk, version);
            return status?.State == ForwardingState.Acknowledged;
        }, Patience);
        Assert.True(acknowledged, $"version {version} was not acknowledged; last state {status?.State}, error {status?.LastError}");
        return status!;
    }
}
