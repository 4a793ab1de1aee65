using SoSucKhoe.LoadTest.Verification;
using SoSucKhoe.LoadTest.Workload;

namespace SoSucKhoe.LoadTest.Tests;

/// <summary>The verification's arithmetic: every dossier judged by identity from the calls, the hub's answers and the gateway's record.</summary>
public sealed class VerificationTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(90);

    [Fact]
    public void A_dossier_the_gateway_receives_late_is_late_with_its_delay_not_lost()
    {
        // OK'd during a 20-s outage; the gateway came back at 20 s and got it only at 174 s: 154 s of waiting with everything up.
        var sent = Ok("LK-LATE", at: 5);
        var input = Input([sent], [Copy(sent, at: 174)], [Acknowledged(sent, at: 174)]) with
        {
            Disruptions = [new Disruption(T0, T0.AddSeconds(20), Disruption.GatewayOutage)],
        };

        var result = DossierVerification.Classify(input);

        var late = Assert.Single(result.Late);
        Assert.Equal(sent.Key, late.Key);
        Assert.Equal(169, late.DelaySeconds);
        Assert.Equal(154, late.EffectiveDelaySeconds);
        Assert.Empty(result.Lost);
        Assert.Equal(1, result.Acknowledged);
        Assert.Equal(DossierOutcome.Late, late.Outcome);
        Assert.Contains(result.Failures(), f => f.StartsWith("1 late", StringComparison.Ordinal));
    }

    [Fact]
    public void Waiting_through_an_outage_or_a_dead_hub_is_not_the_forwarding_s_delay()
    {
        var sent = Ok("LK-WAIT", at: 10);
        // Outage 0-100 s, the hub down 60-130 s (overlapping), then delivered 20 s after both were back.
        var input = Input([sent], [Copy(sent, at: 150)], [Acknowledged(sent, at: 150)]) with
        {
            Disruptions =
            [
                new Disruption(T0, T0.AddSeconds(100), Disruption.GatewayOutage),
                new Disruption(T0.AddSeconds(60), T0.AddSeconds(130), Disruption.HubDown),
            ],
        };

        var result = DossierVerification.Classify(input);

        var dossier = Assert.Single(result.Dossiers);
        Assert.Equal(DossierOutcome.Acknowledged, dossier.Outcome);
        Assert.Equal(140, dossier.DelaySeconds);
        Assert.Equal(20, dossier.EffectiveDelaySeconds);
        Assert.Empty(result.Late);
        Assert.Empty(result.Failures());
    }

    [Fact]
    public void A_dossier_not_at_the_gateway_when_the_drain_ends_is_lost_whatever_the_hub_says()
    {
        var pending = Ok("LK-PENDING", at: 1);
        var claimed = Ok("LK-CLAIMED", at: 2);
        var fine = Ok("LK-FINE", at: 3);
        var input = Input(
            [pending, claimed, fine],
            [Copy(fine, at: 4)],
            [
                Record(pending, HubState.Forwarding, lastError: "circuit-open"),
                Acknowledged(claimed, at: 3),
                Acknowledged(fine, at: 4),
            ]);

        var result = DossierVerification.Classify(input);

        Assert.Equal(3, result.Okd);
        Assert.Equal(1, result.Acknowledged);
        Assert.Equal(["LK-CLAIMED", "LK-PENDING"], result.Lost.Select(static d => d.Key.MaLk).Order());
        Assert.Equal("circuit-open", result.Lost.Single(static d => d.Key.MaLk == "LK-PENDING").HubLastError);
        Assert.Contains("never received", result.Lost.Single(static d => d.Key.MaLk == "LK-CLAIMED").Problem, StringComparison.Ordinal);
        Assert.Empty(result.Late);
        Assert.Contains(result.Failures(), f => f.StartsWith("2 lost", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_the_gateway_s_record_the_hub_s_acknowledgement_decides_and_its_receipt_time_gives_the_delay()
    {
        var delivered = Ok("LK-HUB-1", at: 1);
        var pending = Ok("LK-HUB-2", at: 1);
        var input = Input([delivered, pending], gateway: null, [Acknowledged(delivered, at: 3), Record(pending, HubState.Accepted)]);

        var result = DossierVerification.Classify(input);

        Assert.False(result.GatewayChecked);
        Assert.Equal(1, result.Acknowledged);
        Assert.Equal("LK-HUB-2", Assert.Single(result.Lost).Key.MaLk);
        Assert.Equal(2, result.Dossiers.Single(static d => d.Key.MaLk == "LK-HUB-1").DelaySeconds);
    }

    [Fact]
    public void A_dossier_the_gateway_received_three_times_counts_once_as_duplicated_and_once_as_acknowledged()
    {
        var sent = Ok("LK-DUP", at: 1);
        var input = Input([sent], [Copy(sent, at: 2, receipt: "GD1"), Copy(sent, at: 3, receipt: "GD2"), Copy(sent, at: 4, receipt: "GD3")],
            [Acknowledged(sent, at: 4, receipt: "GD3")]);

        var result = DossierVerification.Classify(input);

        var duplicate = Assert.Single(result.Duplicated);
        Assert.Equal(3, duplicate.GatewayCopies);
        Assert.False(duplicate.CopiesAcrossRestart);
        Assert.Equal(1, result.Okd);
        Assert.Equal(1, result.Acknowledged);
        Assert.Equal(1, duplicate.DelaySeconds); // to the first copy
        Assert.Equal(1, result.DuplicatedWithinLife);
        Assert.Contains("1 duplicated at the gateway within one life of the hub", result.Failures());
    }

    [Fact]
    public void A_copy_sent_again_after_a_restart_is_at_least_once_across_a_crash_and_fails_only_a_strict_drill()
    {
        var sent = Ok("LK-CRASH", at: 1);
        var input = Input([sent], [Copy(sent, at: 2, receipt: "GD1"), Copy(sent, at: 12, receipt: "GD2")], [Acknowledged(sent, at: 12, receipt: "GD2")]) with
        {
            Disruptions = [new Disruption(T0.AddSeconds(2.5), T0.AddSeconds(9), Disruption.HubDown)],
        };

        var result = DossierVerification.Classify(input);

        var duplicate = Assert.Single(result.Duplicated);
        Assert.True(duplicate.CopiesAcrossRestart);
        Assert.Equal((1, 0), (result.DuplicatedAcrossRestart, result.DuplicatedWithinLife));
        Assert.Empty(result.Failures());
        Assert.Contains("1 duplicated at the gateway across a restart", result.Failures(strictDuplicates: true));
    }

    [Fact]
    public void A_copy_sent_by_a_hub_that_is_stopping_belongs_to_the_life_that_ends_when_its_processes_are_gone()
    {
        // SIGTERM at 2.5 s; the stopping hub still sent a copy at 2.8 s and was gone at 3 s; the restarted hub sent it again.
        var sent = Ok("LK-TERM", at: 1);
        var again = Copy(sent, at: 12, receipt: "GD2");
        var input = Input([sent], [Copy(sent, at: 2.8, receipt: "GD1"), again], [Acknowledged(sent, at: 12, receipt: "GD2")]) with
        {
            Disruptions = [new Disruption(T0.AddSeconds(2.5), T0.AddSeconds(9), Disruption.HubDown)],
            LifeEnds = [T0.AddSeconds(3)],
        };
        var withinOneLife = input with { Gateway = [Copy(sent, at: 3.5, receipt: "GD1"), again] };

        Assert.True(Assert.Single(DossierVerification.Classify(input).Duplicated).CopiesAcrossRestart);
        Assert.Equal(1, DossierVerification.Classify(withinOneLife).DuplicatedWithinLife);
    }

    [Fact]
    public void A_call_that_failed_but_was_stored_is_reported_and_owed_and_a_HIS_resend_is_one_dossier()
    {
        var storedAndDelivered = Failed("LK-STORED", at: 1);
        var storedNotDelivered = Failed("LK-STUCK", at: 1);
        var notStored = Failed("LK-NOT", at: 1);
        var firstTry = Failed("LK-RESENT", at: 1);
        var resend = Ok("LK-RESENT", at: 9, duplicate: true);
        var input = Input(
            [storedAndDelivered, storedNotDelivered, notStored, firstTry, resend],
            [Copy(storedAndDelivered, at: 2), Copy(firstTry, at: 2)],
            [
                Acknowledged(storedAndDelivered, at: 2, version: 0),
                Record(storedNotDelivered, HubState.Forwarding, version: 0),
                HubRecordOf(notStored, HubRecord.NotFound, version: 0),
                Acknowledged(resend, at: 2),
            ]);

        var result = DossierVerification.Classify(input);

        Assert.Equal(5, result.Calls);
        Assert.Equal((1, 4), (result.OkdCalls, result.FailedCalls));
        Assert.Equal(1, result.Okd);
        Assert.Equal(1, result.Acknowledged);
        Assert.Equal(["LK-STORED", "LK-STUCK"], result.FailedYetStored.Select(static d => d.Key.MaLk).Order());
        Assert.Equal("LK-STUCK", Assert.Single(result.StoredNotDelivered).Key.MaLk);
        Assert.DoesNotContain(result.Dossiers, static d => d.Key.MaLk == "LK-NOT");
        var resent = result.Dossiers.Single(static d => d.Key.MaLk == "LK-RESENT");
        Assert.Equal((2, true, false), (resent.Calls, resent.Okd, resent.Duplicated));
        Assert.Empty(result.Lost);
        Assert.Contains("1 stored although their call failed, and not delivered", result.Failures());
    }

    [Fact]
    public void The_hub_and_the_gateway_disagreeing_is_a_mismatch()
    {
        var otherBytes = Ok("LK-BYTES", at: 1);
        var foreignReceipt = Ok("LK-RECEIPT", at: 1);
        var notAcknowledged = Ok("LK-STATE", at: 1);
        var input = Input(
            [otherBytes, foreignReceipt, notAcknowledged],
            [Copy(otherBytes, at: 2), Copy(foreignReceipt, at: 2, receipt: "GD-REAL"), Copy(notAcknowledged, at: 2)],
            [
                Acknowledged(otherBytes, at: 2, sha256: ContentHash.Of("changed"u8)),
                Acknowledged(foreignReceipt, at: 2, receipt: "GD-INVENTED"),
                Record(notAcknowledged, HubState.Forwarding),
            ]);

        var result = DossierVerification.Classify(input);

        Assert.Equal(3, result.Mismatched.Count);
        Assert.Contains("other bytes", result.Mismatched.Single(static d => d.Key.MaLk == "LK-BYTES").Problem, StringComparison.Ordinal);
        Assert.Contains("GD-INVENTED", result.Mismatched.Single(static d => d.Key.MaLk == "LK-RECEIPT").Problem, StringComparison.Ordinal);
        Assert.Contains("Forwarding", result.Mismatched.Single(static d => d.Key.MaLk == "LK-STATE").Problem, StringComparison.Ordinal);
        Assert.Empty(result.Lost);
    }

    [Fact]
    public void Bytes_at_the_gateway_that_no_call_sent_are_counted_and_fail_the_run()
    {
        var sent = Ok("LK-A", at: 1);
        var stranger = new GatewayCopy(9, "70001", "LK-A", ContentHash.Of("altered"u8), T0.AddSeconds(2), "GD9");
        var input = Input([sent], [Copy(sent, at: 2), stranger], [Acknowledged(sent, at: 2)]);

        var result = DossierVerification.Classify(input);

        Assert.Equal(1, result.AtGatewayNotSent);
        Assert.Contains("1 at the gateway with bytes no call sent", result.Failures());
    }

    [Fact]
    public void An_incomplete_gateway_record_falls_back_to_the_hub_for_dossiers_it_no_longer_lists()
    {
        var dropped = Ok("LK-DROPPED", at: 1);
        var listed = Ok("LK-LISTED", at: 1);
        var input = Input([dropped, listed], [Copy(listed, at: 3)], [Acknowledged(dropped, at: 2), Acknowledged(listed, at: 3)]) with
        {
            GatewayComplete = false,
        };

        var result = DossierVerification.Classify(input);

        Assert.False(result.GatewayComplete);
        Assert.Equal(2, result.Acknowledged);
        Assert.Empty(result.Lost);
    }

    [Fact]
    public void Calls_without_identity_are_counted_apart_and_delays_have_percentiles()
    {
        var calls = Enumerable.Range(1, 100).Select(i => Ok($"LK-{i:D3}", at: 0)).ToList();
        var input = Input(
            [.. calls, new SentRequest("run", 999, string.Empty, string.Empty, default, 0, "ClientError:X", T0, T0)],
            calls.Select((c, i) => Copy(c, at: (i + 1) / 10.0)).ToList(),
            calls.Select((c, i) => Acknowledged(c, at: (i + 1) / 10.0)).ToList());

        var result = DossierVerification.Classify(input);

        Assert.Equal(1, result.CallsWithoutIdentity);
        Assert.Equal(100, result.Acknowledged);
        Assert.Equal(5, result.EffectiveDelayP50Seconds);
        Assert.Equal(9.9, result.EffectiveDelayP99Seconds);
        Assert.Equal(10, result.EffectiveDelayMaxSeconds);
    }

    [Fact]
    public void Available_time_takes_out_merged_disruptions_only_where_they_overlap_the_wait()
    {
        IReadOnlyList<Disruption> disruptions =
        [
            new(T0.AddSeconds(10), T0.AddSeconds(20), Disruption.GatewayOutage),
            new(T0.AddSeconds(15), T0.AddSeconds(25), Disruption.HubDown),
            new(T0.AddSeconds(40), T0.AddSeconds(50), Disruption.HubDown),
        ];

        // 65 s, less 10-25 s (two merged disruptions) and 40-50 s.
        Assert.Equal(TimeSpan.FromSeconds(40), DossierVerification.Available(T0, T0.AddSeconds(65), disruptions));
        Assert.Equal(TimeSpan.FromSeconds(3), DossierVerification.Available(T0.AddSeconds(22), T0.AddSeconds(28), disruptions));
        Assert.Equal(TimeSpan.Zero, DossierVerification.Available(T0.AddSeconds(5), T0.AddSeconds(4), disruptions));
    }

    private static SentRequest Ok(string maLk, double at, bool duplicate = false) =>
        new("run", 0, "70001", maLk, ContentHash.Of(System.Text.Encoding.UTF8.GetBytes(maLk)), 1, duplicate ? SentRequest.DuplicateStatus : SentRequest.Ok,
            T0.AddSeconds(at - 0.01), T0.AddSeconds(at));

    private static SentRequest Failed(string maLk, double at) =>
        new("run", 0, "70001", maLk, ContentHash.Of(System.Text.Encoding.UTF8.GetBytes(maLk)), 0, "Unavailable", T0.AddSeconds(at - 0.01), T0.AddSeconds(at));

    private static GatewayCopy Copy(SentRequest request, double at, string receipt = "GD1") =>
        new(0, request.Facility, request.MaLk, request.Sha256, T0.AddSeconds(at), receipt);

    private static (HubQuery, HubRecord) Acknowledged(SentRequest request, double at, int version = 1, string receipt = "GD1", ContentHash? sha256 = null) =>
        HubRecordOf(request, new HubRecord(HubState.Acknowledged, 1, sha256 ?? request.Sha256, receipt, T0.AddSeconds(at), T0.AddSeconds(at), null), version);

    private static (HubQuery, HubRecord) Record(SentRequest request, HubState state, int version = 1, string? lastError = null) =>
        HubRecordOf(request, new HubRecord(state, 1, request.Sha256, null, null, T0, lastError), version);

    private static (HubQuery, HubRecord) HubRecordOf(SentRequest request, HubRecord record, int version) =>
        (new HubQuery(request.Facility, request.MaLk, version), record);

    private static VerificationInput Input(IReadOnlyList<SentRequest> requests, IReadOnlyList<GatewayCopy>? gateway, IReadOnlyList<(HubQuery Query, HubRecord Record)> hub) =>
        new()
        {
            Requests = requests,
            Hub = hub.ToDictionary(static h => h.Query, static h => h.Record),
            Gateway = gateway,
            LateAfter = Bound,
        };
}
