using Grpc.Core;
using SoSucKhoe.Api.V1;
using static SoSucKhoe.EndToEnd.Tests.MonitoringTestKit;

namespace SoSucKhoe.EndToEnd.Tests;

/// <summary>
/// WatchReadiness streams a province's readiness changes in the order they were applied, with consecutive sequence numbers, and
/// a watcher that comes back with the last sequence it saw gets exactly the changes after it.
/// </summary>
[Collection(HubCollection.Name)]
public sealed class MonitoringWatchTests(HubFixture hub)
{
    private const string Province = "92";

    [Fact]
    public async Task Changes_arrive_in_order_with_consecutive_sequences_and_a_watch_resumes_from_since_sequence()
    {
        var monitoring = MonitoringAs(hub, await ProvinceKeyAsync(hub, Province));
        var start = (await monitoring.GetProvinceReadinessAsync(new GetProvinceReadinessRequest())).Sequence;
        using var cancel = new CancellationTokenSource(Patience);
        using var live = monitoring.WatchReadiness(new WatchReadinessRequest { SinceSequence = start }, cancellationToken: cancel.Token);
        var received = new List<ProvinceReadinessChange>();
        // The first change proves the watch is subscribed before the burst below starts.
        var codes = Enumerable.Range(1, 12).Select(n => $"{Province}{n:D3}").ToList();
        await RegisterAsync(hub, codes[0], "Trạm y tế " + codes[0], "911");
        Assert.True(await live.ResponseStream.MoveNext(cancel.Token));
        received.Add(live.ResponseStream.Current);

        // Many facilities change at once: registration, connection code, declared conditions, suspension.
        await Task.WhenAll(codes.Skip(1).Select(code => RegisterAsync(hub, code, "Trạm y tế " + code, "912")));
        await Task.WhenAll(codes.Select(async code =>
        {
            await hub.Clients.AdminFacilities.IssueConnectionCodeAsync(new IssueConnectionCodeRequest { FacilityCode = code, KeyLabel = "watch" });
            await hub.Clients.AdminFacilities.UpdateConditionAsync(new UpdateConditionRequest
            {
                FacilityCode = code,
                Condition = ReadinessCondition.PlanApproved,
                State = ConditionState.Met,
                Evidence = "KH 7/KH-SYT",
            });
        }));
        await hub.Clients.AdminFacilities.SuspendFacilityAsync(new SuspendFacilityRequest { FacilityCode = codes[^1], Reason = "Tạm dừng thử" });
        var end = (await monitoring.GetProvinceReadinessAsync(new GetProvinceReadinessRequest())).Sequence;
        while (received[^1].Sequence < end)
        {
            Assert.True(await live.ResponseStream.MoveNext(cancel.Token), "the watch ended before the last change");
            received.Add(live.ResponseStream.Current);
        }

        Assert.Equal(Enumerable.Range(1, (int)(end - start)).Select(i => start + i), received.Select(c => c.Sequence));
        Assert.True(received.Count >= codes.Count * 3, $"expected at least 3 changes per facility, got {received.Count}");
        foreach (var code in codes)
        {
            var facility = await hub.Clients.AdminFacilities.GetFacilityAsync(new GetFacilityRequest { FacilityCode = code });
            var last = received.Last(c => c.FacilityCode == code);
            Assert.Equal(facility.State, last.ToState);
            Assert.Equal(ReadinessState.Unspecified, received.First(c => c.FacilityCode == code).FromState);
            // Per facility, each change starts where the previous one ended.
            var own = received.Where(c => c.FacilityCode == code).ToList();
            Assert.All(own.Zip(own.Skip(1)), pair => Assert.Equal(pair.First.ToState, pair.Second.FromState));
        }

        Assert.Equal(ReadinessState.Suspended, received.Last(c => c.FacilityCode == codes[^1]).ToState);

        // A watcher that saw up to the middle comes back and gets exactly the rest, replayed from the hub's log.
        var middle = received[received.Count / 2].Sequence;
        using var resumed = monitoring.WatchReadiness(new WatchReadinessRequest { SinceSequence = middle }, cancellationToken: cancel.Token);
        var replayed = new List<ProvinceReadinessChange>();
        while (replayed.Count == 0 || replayed[^1].Sequence < end)
        {
            Assert.True(await resumed.ResponseStream.MoveNext(cancel.Token));
            replayed.Add(resumed.ResponseStream.Current);
        }

        Assert.Equal(received.Where(c => c.Sequence > middle), replayed);
    }

    [Fact]
    public async Task A_watch_ends_cleanly_when_the_client_cancels_and_refuses_a_sequence_from_the_future()
    {
        var monitoring = MonitoringAs(hub, await ProvinceKeyAsync(hub, Province));
        var now = (await monitoring.GetProvinceReadinessAsync(new GetProvinceReadinessRequest())).Sequence;

        using var future = monitoring.WatchReadiness(new WatchReadinessRequest { SinceSequence = now + 1000 });
        var ahead = await Assert.ThrowsAsync<RpcException>(() => future.ResponseStream.MoveNext(CancellationToken.None));
        using var cancel = new CancellationTokenSource();
        using var idle = monitoring.WatchReadiness(new WatchReadinessRequest { SinceSequence = now }, cancellationToken: cancel.Token);
        var next = idle.ResponseStream.MoveNext(cancel.Token);
        cancel.CancelAfter(TimeSpan.FromMilliseconds(300));
        var cancelled = await Assert.ThrowsAsync<RpcException>(() => next);
        var negative = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            using var call = monitoring.WatchReadiness(new WatchReadinessRequest { SinceSequence = -1 });
            await call.ResponseStream.MoveNext(CancellationToken.None);
        });

        Assert.Equal(StatusCode.OutOfRange, ahead.StatusCode);
        Assert.Equal(StatusCode.Cancelled, cancelled.StatusCode);
        Assert.Equal(StatusCode.InvalidArgument, negative.StatusCode);
        // The hub keeps serving watches afterwards.
        var after = (await monitoring.GetProvinceReadinessAsync(new GetProvinceReadinessRequest())).Sequence;
        Assert.True(after >= now);
    }
}
