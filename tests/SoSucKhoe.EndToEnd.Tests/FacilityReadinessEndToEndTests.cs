using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using SoSucKhoe.Api.V1;
using SoSucKhoe.Dossiers;
using SoSucKhoe.TestData;
using SoSucKhoe.Testing;

namespace SoSucKhoe.EndToEnd.Tests;

/// <summary>
/// The facility gate and conformance mode over real gRPC: only READY or LIVE facilities send production traffic; the others are
/// refused with the exact list of what they miss; a suspension refuses everything until it is lifted; conformance dossiers are
/// validated and verified like production, counted once per distinct clean dossier, and never forwarded.
/// </summary>
[Collection(HubCollection.Name)]
public sealed class FacilityReadinessEndToEndTests(HubFixture hub)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private static readonly DateTimeOffset Arrival = new(2025, 3, 3, 9, 0, 0, TimeSpan.FromHours(7));

    [Fact]
    public async Task A_preparing_facility_is_refused_with_exactly_the_phase_1_conditions_it_misses_for_dossiers_and_check_ins()
    {
        const string code = "70701";
        await hub.Clients.RegisterWithProfileAsync(code);
        var key = await hub.Clients.IssueConnectionCodeAsync(code);
        await hub.Clients.DeclarePhase1Async(code, [ReadinessCondition.PlanApproved, ReadinessCondition.NetworkSecurity]);
        var intake = hub.Clients.IntakeWith(key);
        var dossier = ConformanceDossiers.Next(code);

        var submit = await Assert.ThrowsAsync<RpcException>(() =>
            intake.SubmitDossierAsync(new SubmitDossierRequest { Document = ByteString.CopyFrom(dossier.Signed) }).ResponseAsync);
        var checkIn = await Assert.ThrowsAsync<RpcException>(() => intake.CheckInAsync(new CheckInRequest
        {
            FacilityCode = code,
            MaLk = dossier.MaLk,
            Patient = new PatientIdentity { PersonalId = dossier.Citizen.PersonalId },
            VisitType = "01",
            ArrivalTime = Timestamp.FromDateTimeOffset(Arrival),
        }).ResponseAsync);

        string[] expected = ["HIS_CONFIGURED", "INTERNAL_REGULATION", "STAFF_TRAINED"];
        foreach (var error in new[] { submit, checkIn })
        {
            Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
            var failure = error.GetRpcStatus()!.GetDetail<PreconditionFailure>();
            Assert.All(failure.Violations, v => Assert.Equal("readiness", v.Type));
            Assert.Equal(expected, failure.Violations.Select(v => v.Subject).Order(StringComparer.Ordinal));
            Assert.All(failure.Violations, v => Assert.False(string.IsNullOrWhiteSpace(v.Description)));
        }

        var lookup = await Assert.ThrowsAsync<RpcException>(() =>
            intake.GetDossierStatusAsync(new GetDossierStatusRequest { DossierId = $"{code}:{dossier.MaLk}" }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, lookup.StatusCode);
        Assert.DoesNotContain(hub.Emulator.State.GetReceived(0, 100_000), r => r.MaLk == dossier.MaLk);
        var facility = await hub.Clients.AdminFacilities.GetFacilityAsync(new GetFacilityRequest { FacilityCode = code });
        Assert.Equal(ReadinessState.Preparing, facility.State);
    }

    [Fact]
    public async Task A_registered_facility_without_a_connection_code_misses_it_too()
    {
        const string code = "70702";
        await hub.Clients.RegisterWithProfileAsync(code);
        // A key issued outside the connection-code step: the facility has its certificate but no connection code.
        var key = (await hub.Clients.AdminCredentials.IssueFacilityKeyAsync(new IssueFacilityKeyRequest { FacilityCode = code })).Key;

        var error = await Assert.ThrowsAsync<RpcException>(() => hub.Clients.IntakeWith(key).SubmitDossierAsync(
            new SubmitDossierRequest { Document = ByteString.CopyFrom(ConformanceDossiers.Next(code).Signed) }).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        var subjects = error.GetRpcStatus()!.GetDetail<PreconditionFailure>().Violations.Select(v => v.Subject).ToList();
        Assert.Equal(["CONNECTION_CODE", "PLAN_APPROVED", "HIS_CONFIGURED", "INTERNAL_REGULATION", "STAFF_TRAINED", "NETWORK_SECURITY"],
            subjects);
    }

    [Fact]
    public async Task A_ready_facility_goes_through_registered_preparing_ready_and_its_dossier_reaches_the_gateway()
    {
        const string code = "70703";
        var key = await hub.Clients.ReadyFacilityAsync(code);
        var intake = hub.Clients.IntakeWith(key);
        var dossier = ConformanceDossiers.Next(code);

        var accepted = await intake.SubmitDossierAsync(new SubmitDossierRequest { Document = ByteString.CopyFrom(dossier.Signed) });

        Assert.True(await Eventually.Until(() => hub.Emulator.State.GetReceived(0, 100_000).Any(r => r.MaLk == dossier.MaLk), Patience));
        var facility = await hub.Clients.AdminFacilities.GetFacilityAsync(new GetFacilityRequest { FacilityCode = code });
        Assert.Equal(1, accepted.Version);
        Assert.Equal([ReadinessState.Registered, ReadinessState.Preparing, ReadinessState.Ready],
            facility.History.Select(h => h.To).Take(3));
        Assert.All(facility.History, h => Assert.False(string.IsNullOrWhiteSpace(h.Reason)));
        Assert.Empty(facility.MissingPhase1);
        Assert.True(facility.Conformance.HisConfigured);
        Assert.All(facility.Conditions.Where(c => HubClients.DeclaredPhase1.Contains(c.Condition)), c =>
        {
            Assert.Equal(ConditionState.Met, c.State);
            Assert.False(c.Derived);
            Assert.NotEmpty(c.Evidence);
        });
    }

    [Fact]
    public async Task A_suspended_facility_is_refused_with_the_province_s_reason_and_accepted_again_once_resumed()
    {
        const string code = "70704";
        var key = await hub.Clients.ReadyFacilityAsync(code);
        var intake = hub.Clients.IntakeWith(key);
        var suspended = await hub.Clients.AdminFacilities.SuspendFacilityAsync(new SuspendFacilityRequest
        {
            FacilityCode = code,
            Reason = "Kiểm tra an toàn thông tin",
        });
        var refusedDossier = ConformanceDossiers.Next(code);

        var refused = await Assert.ThrowsAsync<RpcException>(() =>
            intake.SubmitDossierAsync(new SubmitDossierRequest { Document = ByteString.CopyFrom(refusedDossier.Signed) }).ResponseAsync);
        var conformanceRefused = await Assert.ThrowsAsync<RpcException>(() => intake.SubmitConformanceDossierAsync(
            new SubmitConformanceDossierRequest { Document = ByteString.CopyFrom(ConformanceDossiers.Next(code).Signed) }).ResponseAsync);
        var resumed = await hub.Clients.AdminFacilities.ResumeFacilityAsync(new ResumeFacilityRequest { FacilityCode = code });
        var afterResume = ConformanceDossiers.Next(code);
        var accepted = await intake.SubmitDossierAsync(new SubmitDossierRequest { Document = ByteString.CopyFrom(afterResume.Signed) });

        Assert.Equal(ReadinessState.Suspended, suspended.State);
        Assert.Equal("Kiểm tra an toàn thông tin", suspended.Suspension.Reason);
        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
        var violation = Assert.Single(refused.GetRpcStatus()!.GetDetail<PreconditionFailure>().Violations);
        Assert.Equal("suspended", violation.Type);
        Assert.Contains("Kiểm tra an toàn thông tin", violation.Description, StringComparison.Ordinal);
        Assert.Equal(StatusCode.FailedPrecondition, conformanceRefused.StatusCode);
        Assert.Equal(ReadinessState.Ready, resumed.State);
        Assert.Null(resumed.Suspension);
        Assert.Equal(1, accepted.Version);
        Assert.DoesNotContain(hub.Emulator.State.GetReceived(0, 100_000), r => r.MaLk == refusedDossier.MaLk);
    }

    [Fact]
    public async Task Conformance_dossiers_are_never_stored_nor_forwarded_and_count_once_per_distinct_clean_dossier()
    {
        const string code = "70705";
        await hub.Clients.RegisterWithProfileAsync(code);
        var key = await hub.Clients.IssueConnectionCodeAsync(code);
        var intake = hub.Clients.IntakeWith(key);
        var first = ConformanceDossiers.Next(code);
        var second = ConformanceDossiers.Next(code);
        var unsigned = ConformanceDossiers.Next(code, new DossierOptions { Sign = false });
        var receivedBefore = hub.Emulator.State.GetStats().Received;

        var reports = new List<ConformanceReport>();
        foreach (var document in new[] { first.Signed, first.Signed, second.Signed, unsigned.Unsigned, second.Signed })
        {
            reports.Add(await intake.SubmitConformanceDossierAsync(new SubmitConformanceDossierRequest { Document = ByteString.CopyFrom(document) }));
        }

        Assert.Equal([true, true, true, false, true], reports.Select(r => r.Passed));
        Assert.Equal([1, 1, 2, 2, 2], reports.Select(r => r.CleanCount));
        Assert.All(reports, r => Assert.Equal(5, r.Required));
        Assert.All(reports, r => Assert.False(r.HisConfigured));
        Assert.Equal(SignatureCheck.Valid, reports[0].SignatureStatus);
        Assert.Equal(SignatureCheck.Refused, reports[3].SignatureStatus);
        Assert.Equal(first.MaLk, reports[0].MaLk);
        var facility = await hub.Clients.AdminFacilities.GetFacilityAsync(new GetFacilityRequest { FacilityCode = code });
        Assert.Equal(2, facility.Conformance.CleanCount);
        Assert.Contains(ReadinessCondition.HisConfigured, facility.MissingPhase1);
        foreach (var maLk in new[] { first.MaLk, second.MaLk, unsigned.MaLk })
        {
            var lookup = await Assert.ThrowsAsync<RpcException>(() =>
                intake.GetDossierStatusAsync(new GetDossierStatusRequest { DossierId = $"{code}:{maLk}" }).ResponseAsync);
            Assert.Equal(StatusCode.NotFound, lookup.StatusCode);
        }

        // Give the forwarders time to (wrongly) send anything: a production dossier submitted after them arrives, they never do.
        var readyKey = await hub.Clients.FacilityKeyAsync("70706");
        var control = ConformanceDossiers.Next("70706");
        await hub.Clients.IntakeWith(readyKey).SubmitDossierAsync(new SubmitDossierRequest { Document = ByteString.CopyFrom(control.Signed) });
        Assert.True(await Eventually.Until(() => hub.Emulator.State.GetReceived(0, 100_000).Any(r => r.MaLk == control.MaLk), Patience));
        var received = hub.Emulator.State.GetReceived(0, 100_000);
        Assert.DoesNotContain(received, r => r.MaLk == first.MaLk || r.MaLk == second.MaLk || r.MaLk == unsigned.MaLk);
        Assert.True(hub.Emulator.State.GetStats().Received > receivedBefore);
    }

    [Fact]
    public async Task A_conformance_dossier_with_a_tampered_signature_reports_failure_with_the_signature_rule_and_does_not_count()
    {
        const string code = "70707";
        await hub.Clients.RegisterWithProfileAsync(code);
        var key = await hub.Clients.IssueConnectionCodeAsync(code);
        var dossier = ConformanceDossiers.Next(code);
        var tampered = dossier.Mutate().WithField("XML1", "CHAN_DOAN_VAO", "Chẩn đoán đã bị sửa sau khi ký").Build(resign: false);

        var report = await hub.Clients.IntakeWith(key).SubmitConformanceDossierAsync(
            new SubmitConformanceDossierRequest { Document = ByteString.CopyFrom(tampered.Signed) });

        Assert.False(report.Passed);
        Assert.Equal(SignatureCheck.Refused, report.SignatureStatus);
        var violation = Assert.Single(report.Violations);
        Assert.Equal("ENVELOPE.CHUKYDONVI", violation.Field);
        Assert.StartsWith(ViolationRules.SignatureInvalid + ":", violation.Description, StringComparison.Ordinal);
        Assert.Equal(0, report.CleanCount);
    }

    [Fact]
    public async Task A_conformance_dossier_breaking_field_rules_reports_the_same_violations_production_would()
    {
        const string code = "70708";
        var key = await hub.Clients.ReadyFacilityAsync(code);
        var intake = hub.Clients.IntakeWith(key);
        var broken = ConformanceDossiers.Next(code).WithField("XML1", "NGAY_VAO", "2025-13-45");

        var report = await intake.SubmitConformanceDossierAsync(new SubmitConformanceDossierRequest { Document = ByteString.CopyFrom(broken.Signed) });
        var production = await Assert.ThrowsAsync<RpcException>(() =>
            intake.SubmitDossierAsync(new SubmitDossierRequest { Document = ByteString.CopyFrom(broken.Signed) }).ResponseAsync);

        Assert.False(report.Passed);
        Assert.Equal(SignatureCheck.Valid, report.SignatureStatus);
        Assert.Equal(StatusCode.InvalidArgument, production.StatusCode);
        var expected = production.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Select(v => (v.Field, v.Description)).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, report.Violations.Select(v => (v.Field, v.Description)));
    }

    [Fact]
    public async Task A_malformed_conformance_request_is_an_error_status_not_a_report()
    {
        const string code = "70709";
        await hub.Clients.RegisterWithProfileAsync(code);
        var key = await hub.Clients.IssueConnectionCodeAsync(code);
        var intake = hub.Clients.IntakeWith(key);

        var empty = await Assert.ThrowsAsync<RpcException>(() =>
            intake.SubmitConformanceDossierAsync(new SubmitConformanceDossierRequest()).ResponseAsync);
        var foreign = await Assert.ThrowsAsync<RpcException>(() => intake.SubmitConformanceDossierAsync(
            new SubmitConformanceDossierRequest { Document = ByteString.CopyFrom(ConformanceDossiers.Next("70710").Signed) }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, empty.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, foreign.StatusCode);
    }
}
