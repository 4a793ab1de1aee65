using System.Text.RegularExpressions;
using SoSucKhoe.Facilities;
using static SoSucKhoe.Grains.Tests.Readiness.ReadinessSteps;

namespace SoSucKhoe.Grains.Tests.Readiness;

[Collection(ReadinessCollection.Name)]
public sealed class FacilityStateMachineTests(ReadinessClusterFixture fixture)
{
    [Fact]
    public async Task An_unregistered_facility_has_no_view_and_is_never_admitted()
    {
        var facility = fixture.Grains.GetGrain<IFacilityGrain>("71999");

        var admission = await facility.Admit(AdmissionPurpose.Conformance);

        Assert.Null(await facility.GetView());
        Assert.Null(admission.View);
        Assert.False(admission.Allowed);
        Assert.Contains("not registered", admission.Reason);
        Assert.Null(await facility.IssueConnectionCode(Officer));
    }

    [Fact]
    public async Task A_facility_moves_from_registered_to_preparing_ready_live_suspended_and_back_with_a_dated_history()
    {
        var facility = await RegisterAsync(fixture.Grains, "71001", "711");
        var registered = (await facility.GetView())!;
        Assert.Equal(ReadinessState.Registered, registered.State);
        Assert.Equal(ReadinessConditions.Phase1, registered.MissingPhase1);
        var gate = await facility.Admit(AdmissionPurpose.Production);
        Assert.False(gate.Allowed);
        Assert.Equal(ReadinessConditions.Phase1, gate.Missing);
        Assert.Contains("not ready", gate.Reason);
        Assert.True((await facility.Admit(AdmissionPurpose.Conformance)).Allowed);

        fixture.Time.Advance(TimeSpan.FromMinutes(1));
        var preparing = (await facility.IssueConnectionCode(Officer))!;
        Assert.Equal(ReadinessState.Preparing, preparing.State);
        Assert.Matches(new Regex("^LT-71001-[A-Z2-7]{8}$"), preparing.ConnectionCode!.Code);
        Assert.DoesNotContain(ReadinessCondition.ConnectionCode, preparing.MissingPhase1);

        foreach (var condition in DeclaredPhase1)
        {
            await DeclareAsync(facility, condition);
        }

        await facility.AddSigningCertificate(Certificate(fixture.Time.GetUtcNow(), TimeSpan.FromDays(365)));
        await RecordCleanConformanceAsync(facility, 4);
        var almost = (await facility.GetView())!;
        Assert.Equal(ReadinessState.Preparing, almost.State);
        Assert.Equal([ReadinessCondition.HisConfigured], almost.MissingPhase1);
        Assert.False((await facility.Admit(AdmissionPurpose.Production)).Allowed);

        fixture.Time.Advance(TimeSpan.FromMinutes(1));
        var readyAt = fixture.Time.GetUtcNow();
        var progress = await facility.RecordConformance("HASH-FIFTH", clean: true);
        Assert.True(progress.HisConfigured);
        var ready = (await facility.GetView())!;
        Assert.Equal(ReadinessState.Ready, ready.State);
        Assert.Empty(ready.MissingPhase1);
        var allowed = await facility.Admit(AdmissionPurpose.Production);
        Assert.True(allowed.Allowed);
        Assert.Null(allowed.Reason);
        Assert.Single(allowed.SigningCertificates);

        fixture.Time.Advance(TimeSpan.FromMinutes(1));
        var liveAt = fixture.Time.GetUtcNow();
        await facility.OnDossierAcknowledged(liveAt);
        var live = (await facility.GetView())!;
        Assert.Equal(ReadinessState.Live, live.State);
        Assert.Equal(liveAt, live.FirstAcknowledgedAt);
        Assert.Contains(live.Conditions, c => c.Condition == ReadinessCondition.SignsAndInterconnects && c.State == ConditionState.Met);

        fixture.Time.Advance(TimeSpan.FromMinutes(1));
        var suspendedAt = fixture.Time.GetUtcNow();
        var suspended = (await facility.Suspend("Gửi dữ liệu sai nhiều lần", "key-director"))!;
        Assert.Equal(ReadinessState.Suspended, suspended.State);
        Assert.Equal("key-director", suspended.Suspension!.By);
        var production = await facility.Admit(AdmissionPurpose.Production);
        var conformance = await facility.Admit(AdmissionPurpose.Conformance);
        Assert.False(production.Allowed);
        Assert.False(conformance.Allowed);
        Assert.Contains("Gửi dữ liệu sai nhiều lần", production.Reason);
        Assert.Empty(production.Missing);

        fixture.Time.Advance(TimeSpan.FromMinutes(1));
        var resumedAt = fixture.Time.GetUtcNow();
        var resumed = (await facility.Resume("key-director"))!;
        Assert.Equal(ReadinessState.Live, resumed.State);
        Assert.Null(resumed.Suspension);
        Assert.True((await facility.Admit(AdmissionPurpose.Production)).Allowed);

        var history = await facility.GetHistory();
        Assert.Equal(
            [
                (ReadinessState.Unspecified, ReadinessState.Registered),
                (ReadinessState.Registered, ReadinessState.Preparing),
                (ReadinessState.Preparing, ReadinessState.Ready),
                (ReadinessState.Ready, ReadinessState.Live),
                (ReadinessState.Live, ReadinessState.Suspended),
                (ReadinessState.Suspended, ReadinessState.Live),
            ],
            history.Select(t => (t.From, t.To)).ToArray());
        Assert.Equal("Phase 1 complete", history[2].Reason);
        Assert.Equal(readyAt, history[2].At);
        Assert.Equal("First dossier acknowledged by the gateway", history[3].Reason);
        Assert.Equal(liveAt, history[3].At);
        Assert.Equal("Suspended by province: Gửi dữ liệu sai nhiều lần", history[4].Reason);
        Assert.Equal(suspendedAt, history[4].At);
        Assert.Equal("Suspension lifted by key-director", history[5].Reason);
        Assert.Equal(resumedAt, history[5].At);
        Assert.True(resumed.Revision > live.Revision);
    }

    [Fact]
    public async Task Conformance_dossiers_count_once_by_content_hash_and_dossiers_with_errors_never_count()
    {
        var facility = await RegisterAsync(fixture.Grains, "71002");

        for (var i = 0; i < 3; i++)
        {
            await facility.RecordConformance("SAME-HASH", clean: true);
        }

        await facility.RecordConformance("BROKEN-1", clean: false);
        await facility.RecordConformance("BROKEN-2", clean: false);
        var progress = await facility.RecordConformance("OTHER", clean: true);
        var view = (await facility.GetView())!;

        Assert.Equal(2, progress.CleanCount);
        Assert.Equal(5, progress.Required);
        Assert.False(progress.HisConfigured);
        var his = view.Conditions.Single(c => c.Condition == ReadinessCondition.HisConfigured);
        Assert.Equal(ConditionState.InProgress, his.State);
        Assert.True(his.Derived);
        Assert.Contains("2 with errors", his.Evidence);
        Assert.Equal(ReadinessState.Preparing, view.State);

        await RecordCleanConformanceAsync(facility, 3);
        var met = await facility.RecordConformance("BROKEN-3", clean: false);
        Assert.True(met.HisConfigured);
        Assert.Equal(5, met.CleanCount);
    }

    [Fact]
    public async Task Staff_trained_is_met_only_from_the_threshold_share_whatever_state_is_declared()
    {
        var facility = await RegisterAsync(fixture.Grains, "71003");

        var below = (await DeclareAsync(facility, ReadinessCondition.StaffTrained, ConditionState.Met, share: 0.5))!;
        var reached = (await DeclareAsync(facility, ReadinessCondition.StaffTrained, ConditionState.InProgress, share: 0.8))!;

        var belowStatus = below.Conditions.Single(c => c.Condition == ReadinessCondition.StaffTrained);
        Assert.Equal(ConditionState.InProgress, belowStatus.State);
        Assert.Equal(0.5, belowStatus.Share);
        Assert.Equal(Officer, belowStatus.RecordedBy);
        Assert.Equal(ConditionState.Met, reached.Conditions.Single(c => c.Condition == ReadinessCondition.StaffTrained).State);
    }

    [Fact]
    public async Task Derived_conditions_cannot_be_declared()
    {
        var facility = await RegisterAsync(fixture.Grains, "71004");

        foreach (var derived in new[]
                 {
                     ReadinessCondition.ConnectionCode, ReadinessCondition.HisConfigured, ReadinessCondition.SigningCertificate,
                     ReadinessCondition.SignsAndInterconnects,
                 })
        {
            await Assert.ThrowsAsync<ArgumentException>(() => DeclareAsync(facility, derived));
        }

        Assert.Equal(ReadinessState.Registered, (await facility.GetView())!.State);
    }

    [Fact]
    public async Task Reissuing_the_connection_code_replaces_it()
    {
        var facility = await RegisterAsync(fixture.Grains, "71005");

        var first = (await facility.IssueConnectionCode(Officer))!.ConnectionCode!;
        var second = (await facility.IssueConnectionCode("key-other-officer"))!.ConnectionCode!;

        Assert.NotEqual(first.Code, second.Code);
        Assert.Equal("key-other-officer", second.IssuedBy);
        Assert.Equal(second, (await facility.GetView())!.ConnectionCode);
    }

    [Fact]
    public async Task An_expired_certificate_suspends_a_live_facility_at_once_and_a_new_one_brings_it_back()
    {
        var facility = await MakeLiveAsync(fixture, "71006", certificateValidFor: TimeSpan.FromDays(1));
        Assert.True((await facility.Admit(AdmissionPurpose.Production)).Allowed);

        fixture.Time.Advance(TimeSpan.FromDays(2));
        var refused = await facility.Admit(AdmissionPurpose.Production);
        Assert.False(refused.Allowed);
        Assert.Equal(ReadinessState.Suspended, refused.View!.State);
        Assert.Equal([ReadinessCondition.SigningCertificate], refused.Missing);
        Assert.Contains("Certificate expired", refused.Reason);
        Assert.False((await facility.Admit(AdmissionPurpose.Conformance)).Allowed);

        var history = await EventuallyAsync(facility.GetHistory, h => h[^1].To == ReadinessState.Suspended);
        Assert.Equal(ReadinessState.Suspended, history[^1].To);
        Assert.StartsWith("Certificate expired", history[^1].Reason);

        await facility.AddSigningCertificate(Certificate(fixture.Time.GetUtcNow(), TimeSpan.FromDays(365)));
        var back = (await facility.GetView())!;
        Assert.Equal(ReadinessState.Live, back.State);
        Assert.Equal("A valid signing certificate is registered again", (await facility.GetHistory())[^1].Reason);
    }

    [Fact]
    public async Task Revoking_the_only_certificate_suspends_a_ready_facility()
    {
        var facility = await MakeReadyAsync(fixture, "71007");
        var certificate = (await facility.GetSigningCertificates()).Single();

        await facility.RevokeSigningCertificate(certificate.Thumbprint, fixture.Time.GetUtcNow());
        var view = (await facility.GetView())!;

        Assert.Equal(ReadinessState.Suspended, view.State);
        Assert.StartsWith("Certificate revoked", (await facility.GetHistory())[^1].Reason);
        Assert.False((await facility.Admit(AdmissionPurpose.Production)).Allowed);
    }

    [Fact]
    public async Task A_facility_that_never_was_ready_is_not_suspended_by_a_missing_certificate()
    {
        var facility = await RegisterAsync(fixture.Grains, "71008");
        await facility.IssueConnectionCode(Officer);
        await facility.AddSigningCertificate(Certificate(fixture.Time.GetUtcNow(), TimeSpan.FromHours(1)));

        fixture.Time.Advance(TimeSpan.FromHours(2));
        var view = (await facility.Refresh())!;

        Assert.Equal(ReadinessState.Preparing, view.State);
        Assert.Contains(ReadinessCondition.SigningCertificate, view.MissingPhase1);
        Assert.True((await facility.Admit(AdmissionPurpose.Conformance)).Allowed);
    }

    [Fact]
    public async Task Registering_again_updates_the_profile_and_keeps_the_registration_time()
    {
        var facility = await RegisterAsync(fixture.Grains, "71009");
        var first = (await facility.GetView())!;
        fixture.Time.Advance(TimeSpan.FromMinutes(5));

        var renamed = await facility.Register(new FacilityRegistration("71009", Profile("71", "712", name: "Trung tâm Y tế mới")));
        var same = await facility.Register(new FacilityRegistration("71009", Profile("71", "712", name: "Trung tâm Y tế mới")));

        Assert.Equal("Trung tâm Y tế mới", renamed.Name);
        Assert.Equal("712", renamed.DistrictCode);
        Assert.Equal(first.RegisteredAt, renamed.RegisteredAt);
        Assert.True(renamed.UpdatedAt > first.UpdatedAt);
        Assert.Equal(renamed.Revision, same.Revision);
        await Assert.ThrowsAsync<ArgumentException>(() => facility.Register(new FacilityRegistration("71010", Profile("71", null))));
    }
}
