using Orleans.Streams;
using SoSucKhoe.Facilities;
using SoSucKhoe.Forwarding;
using SoSucKhoe.Monitoring;
using static SoSucKhoe.Grains.Tests.Readiness.ReadinessSteps;

namespace SoSucKhoe.Grains.Tests.Readiness;

[Collection(ReadinessCollection.Name)]
public sealed class ProvinceAggregateTests(ReadinessClusterFixture fixture)
{
    [Fact]
    public async Task Counts_stay_exact_under_concurrent_updates_from_sixty_facilities_in_total_and_per_district()
    {
        const string province = "73";
        var districts = new[] { "731", "732", "733", null };
        var codes = Enumerable.Range(1, 60).Select(i => $"{province}{i:D3}").ToArray();
        await Task.WhenAll(codes.Select((code, i) => RegisterAsync(fixture.Grains, code, districts[i % districts.Length])));

        // Many interleaved updates across facilities: a deterministic mix per facility, all in flight at once.
        var random = new Random(73);
        var work = new List<Func<Task>>();
        foreach (var code in codes)
        {
            var facility = fixture.Grains.GetGrain<IFacilityGrain>(code);
            var level = random.Next(5);
            if (level >= 1)
            {
                work.Add(() => facility.IssueConnectionCode(Officer));
            }

            foreach (var condition in DeclaredPhase1)
            {
                var state = level >= 3 ? ConditionState.Met : (ConditionState)random.Next(3);
                double? share = condition == ReadinessCondition.StaffTrained ? random.NextDouble() : null;
                work.Add(() => DeclareAsync(facility, condition, state, share));
            }

            if (level >= 2)
            {
                work.Add(() => facility.AddSigningCertificate(Certificate(fixture.Time.GetUtcNow(), TimeSpan.FromDays(200))));
            }

            if (level >= 3)
            {
                work.Add(() => RecordCleanConformanceAsync(facility, 5));
                work.Add(() => DeclareAsync(facility, ReadinessCondition.StaffTrained, ConditionState.Met, 0.95));
            }

            if (level == 4)
            {
                work.Add(() => facility.OnDossierAcknowledged(fixture.Time.GetUtcNow()));
                work.Add(() => DeclareAsync(facility, ReadinessCondition.ReceivesByIdentity));
                work.Add(() => DeclareAsync(facility, ReadinessCondition.AcceptsVneidBook));
            }

            if (random.Next(10) == 0)
            {
                work.Add(() => facility.Suspend("Kiểm tra đột xuất", Officer));
            }
        }

        var shuffled = work.OrderBy(_ => random.Next()).ToArray();
        await Task.WhenAll(shuffled.Select(step => Task.Run(step)));

        var views = await Task.WhenAll(codes.Select(c => fixture.Grains.GetGrain<IFacilityGrain>(c).GetView()));
        var readiness = await fixture.Grains.GetGrain<IProvinceReadinessGrain>(province).GetReadiness();

        AssertCounts(views.Select(v => v!).ToList(), readiness.Total);
        Assert.Equal(60, readiness.Total.Facilities);
        foreach (var district in districts)
        {
            var key = district ?? string.Empty;
            var counts = readiness.Districts.Single(d => d.DistrictCode == key);
            AssertCounts(views.Where(v => (v!.DistrictCode ?? string.Empty) == key).Select(v => v!).ToList(), counts);
        }

        Assert.Contains(views, v => v!.State == ReadinessState.Live);
        Assert.Contains(views, v => v!.State == ReadinessState.Preparing);
        var phase1 = readiness.Phases.Single(p => p.Phase == 1);
        Assert.Equal(views.Count(v => v!.MissingPhase1.Count == 0), phase1.Complete);
        Assert.Equal(60, phase1.Facilities);
        Assert.Equal(phase1.Complete == 60, phase1.TargetMet);
        var listed = await fixture.Grains.GetGrain<IProvinceReadinessGrain>(province)
            .ListFacilities(new FacilityFilter("731", null, ReadinessCondition.HisConfigured));
        Assert.Equal(
            views.Where(v => v!.DistrictCode == "731" && v.MissingPhase1.Contains(ReadinessCondition.HisConfigured)).Select(v => v!.FacilityCode).Order(),
            listed.Select(s => s.FacilityCode));
    }

    [Fact]
    public async Task Changes_reach_a_stream_subscriber_in_order_with_consecutive_sequences_matching_the_change_log()
    {
        const string province = "74";
        var received = new List<ReadinessChange>();
        var stream = fixture.Cluster.Client.GetStreamProvider(StreamNames.Provider)
            .GetStream<ReadinessChange>(StreamId.Create(StreamNames.ReadinessNamespace, province));
        var subscription = await stream.SubscribeAsync((change, _) =>
        {
            lock (received)
            {
                received.Add(change);
            }

            return Task.CompletedTask;
        });
        try
        {
            var aggregate = fixture.Grains.GetGrain<IProvinceReadinessGrain>(province);
            var start = (await aggregate.GetReadiness()).Sequence;
            var codes = Enumerable.Range(1, 12).Select(i => $"{province}{i:D3}").ToArray();
            await Task.WhenAll(codes.Select(async code =>
            {
                var facility = await RegisterAsync(fixture.Grains, code, "741");
                await facility.IssueConnectionCode(Officer);
                await DeclareAsync(facility, ReadinessCondition.PlanApproved);
                await DeclareAsync(facility, ReadinessCondition.NetworkSecurity);
            }));

            var log = await aggregate.GetChangesSince(start);
            Assert.Equal(12 * 4, log.Count);
            var delivered = await EventuallyAsync(() => Task.FromResult(Snapshot(received)), r => r.Count >= log.Count);

            Assert.Equal(log.Select(c => c.Sequence), delivered.Select(c => c.Sequence));
            Assert.Equal(Enumerable.Range(1, log.Count).Select(i => start + i), delivered.Select(c => c.Sequence));
            Assert.Equal(log.Select(c => (c.FacilityCode, c.To)), delivered.Select(c => (c.FacilityCode, c.To)));
            Assert.All(codes, code => Assert.Equal(
                [ReadinessState.Registered, ReadinessState.Preparing, ReadinessState.Preparing, ReadinessState.Preparing],
                delivered.Where(c => c.FacilityCode == code).Select(c => c.To)));
            Assert.Equal(start + log.Count, (await aggregate.GetReadiness()).Sequence);
        }
        finally
        {
            await subscription.UnsubscribeAsync();
        }
    }

    [Fact]
    public async Task A_facility_whose_location_changes_province_leaves_the_old_aggregate_for_the_new_one()
    {
        var moveDay = DateOnly.FromDateTime(fixture.Time.GetUtcNow().ToOffset(TimeSpan.FromHours(7)).DateTime).AddDays(2);
        var profile = Profile("77", "771") with
        {
            Locations =
            [
                new FacilityLocation(new DateOnly(2024, 1, 1), "77", "771", null),
                new FacilityLocation(moveDay, "78", null, "78001"),
            ],
        };
        var facility = await RegisterAsync(fixture.Grains, "77001", profile: profile);
        var before = await fixture.Grains.GetGrain<IProvinceReadinessGrain>("77").ListFacilities(new FacilityFilter(null, null, null));
        Assert.Equal(["77001"], before.Select(s => s.FacilityCode));

        fixture.Time.Advance(TimeSpan.FromDays(3));
        var view = (await facility.Refresh())!;

        Assert.Equal("78", view.ProvinceCode);
        Assert.Null(view.DistrictCode);
        Assert.Empty(await fixture.Grains.GetGrain<IProvinceReadinessGrain>("77").ListFacilities(new FacilityFilter(null, null, null)));
        var after = await fixture.Grains.GetGrain<IProvinceReadinessGrain>("78").ListFacilities(new FacilityFilter(null, null, null));
        Assert.Equal(["77001"], after.Select(s => s.FacilityCode));
        Assert.Equal(0, (await fixture.Grains.GetGrain<IProvinceReadinessGrain>("77").GetReadiness()).Total.Facilities);
    }

    [Fact]
    public async Task Refreshing_the_province_persists_an_expiry_that_happened_while_nobody_asked()
    {
        const string province = "79";
        var facility = await MakeLiveAsync(fixture, "79001", "791", certificateValidFor: TimeSpan.FromHours(1));
        var aggregate = fixture.Grains.GetGrain<IProvinceReadinessGrain>(province);
        Assert.Equal(1, (await aggregate.GetReadiness()).Total.ByState[ReadinessState.Live]);

        fixture.Time.Advance(TimeSpan.FromHours(2));
        await aggregate.RefreshAll();

        var readiness = await aggregate.GetReadiness();
        Assert.Equal(1, readiness.Total.ByState[ReadinessState.Suspended]);
        Assert.Equal(0, readiness.Total.ByConditionMet[ReadinessCondition.SigningCertificate]);
        Assert.Equal(ReadinessState.Suspended, (await facility.GetHistory())[^1].To);
    }

    private static List<ReadinessChange> Snapshot(List<ReadinessChange> received)
    {
        lock (received)
        {
            return [.. received];
        }
    }

    private static void AssertCounts(IReadOnlyList<FacilityView> views, ReadinessCounts counts)
    {
        Assert.Equal(views.Count, counts.Facilities);
        foreach (var state in Enum.GetValues<ReadinessState>().Where(s => s != ReadinessState.Unspecified))
        {
            Assert.Equal(views.Count(v => v.State == state), counts.ByState[state]);
        }

        foreach (var condition in ReadinessConditions.All)
        {
            Assert.Equal(views.Count(v => v.Conditions.Any(c => c.Condition == condition && c.State == ConditionState.Met)),
                counts.ByConditionMet[condition]);
        }

        Assert.Equal(views.Count(v => v.MissingPhase1.Count == 0), counts.Phase1Complete);
        Assert.Equal(views.Count(v => v.Phase2Complete), counts.Phase2Complete);
    }
}
