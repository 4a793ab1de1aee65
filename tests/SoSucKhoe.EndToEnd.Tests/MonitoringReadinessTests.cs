using SoSucKhoe.Api.V1;
using static SoSucKhoe.EndToEnd.Tests.MonitoringTestKit;

namespace SoSucKhoe.EndToEnd.Tests;

/// <summary>
/// The province's readiness counts, read over the API, equal a recount made facility by facility with GetFacility after many
/// facilities changed concurrently (and the same facility changed by concurrent calls); the facility list filters and pages
/// over exactly the same facts.
/// </summary>
[Collection(HubCollection.Name)]
public sealed class MonitoringReadinessTests(HubFixture hub) : IAsyncLifetime
{
    private const string Province = "91";
    private static readonly string[] Districts = ["901", "902", "903", ""];
    private readonly List<string> _codes = [];
    private string _provinceKey = null!;

    // The province is built once per test run (the hub is shared by the collection); each test only reads it.
    private static Task<(string Key, List<string> Codes)>? s_province;

    public async Task InitializeAsync()
    {
        (_provinceKey, var codes) = await (s_province ??= BuildProvinceAsync(hub));
        _codes.AddRange(codes);
    }

    private static async Task<(string Key, List<string> Codes)> BuildProvinceAsync(HubFixture hub)
    {
        var key = await ProvinceKeyAsync(hub, Province);
        var random = new Random(9101);
        var plans = Enumerable.Range(1, 40).Select(n => (Code: $"{Province}{n:D3}", Seed: random.Next())).ToList();

        // Two facilities go all the way to READY (connection code, declared conditions, conformance dossiers)...
        await Task.WhenAll(plans.Take(2).Select(p => hub.Clients.ReadyFacilityAsync(p.Code, "Bệnh viện " + p.Code, "901")));
        // ...and every other one takes a random road, all of them at the same time.
        await Task.WhenAll(plans.Skip(2).Select(p => RandomRoadAsync(hub, p.Code, new Random(p.Seed))));
        // A ready facility suspended by the province keeps its phase 1.
        await hub.Clients.AdminFacilities.SuspendFacilityAsync(new SuspendFacilityRequest { FacilityCode = plans[1].Code, Reason = "Kiểm tra" });
        return (key, plans.Select(p => p.Code).ToList());
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Readiness_counts_equal_a_recount_from_every_facility_after_concurrent_updates()
    {
        var facilities = await RecountAsync();
        var readiness = await MonitoringAs(hub, _provinceKey).GetProvinceReadinessAsync(new GetProvinceReadinessRequest());

        Assert.Equal(Province, readiness.ProvinceCode);
        AssertCounts(facilities, readiness.Total);
        Assert.Equal(facilities.GroupBy(f => f.DistrictCode).Select(g => g.Key).Order(StringComparer.Ordinal),
            readiness.Districts.Select(d => d.DistrictCode).Order(StringComparer.Ordinal));
        foreach (var district in readiness.Districts)
        {
            AssertCounts(facilities.Where(f => f.DistrictCode == district.DistrictCode).ToList(), district);
        }

        // The spread of the random roads: registered, preparing, ready and suspended facilities are all there.
        Assert.True(readiness.Total.ByState.Count(s => s.Facilities > 0) >= 4, readiness.Total.ToString());
        var phase1 = readiness.Phases.Single(p => p.Phase == 1);
        Assert.Equal(facilities.Count(f => f.InsuredCareContract && f.MissingPhase1.Count == 0), phase1.Complete);
        Assert.Equal(facilities.Count(f => f.InsuredCareContract), phase1.Facilities);
        Assert.Equal("2024-12-31", phase1.Deadline);
        Assert.True(phase1.Overdue && !phase1.TargetMet, "the pilot's phase 1 deadline passed with the province far from its target");
    }

    [Fact]
    public async Task The_facility_list_filters_by_district_state_and_missing_condition_like_a_recount()
    {
        var facilities = await RecountAsync();
        var monitoring = MonitoringAs(hub, _provinceKey);

        var preparing = await monitoring.ListFacilitiesAsync(new ListProvinceFacilitiesRequest { State = ReadinessState.Preparing });
        var inDistrict = await monitoring.ListFacilitiesAsync(new ListProvinceFacilitiesRequest { DistrictCode = "902" });
        var withoutPlan = await monitoring.ListFacilitiesAsync(new ListProvinceFacilitiesRequest
        {
            DistrictCode = "903",
            MissingCondition = ReadinessCondition.PlanApproved,
        });

        Assert.Equal(Codes(facilities.Where(f => f.State == ReadinessState.Preparing)), preparing.Facilities.Select(f => f.FacilityCode));
        Assert.Equal(Codes(facilities.Where(f => f.DistrictCode == "902")), inDistrict.Facilities.Select(f => f.FacilityCode));
        Assert.Equal(Codes(facilities.Where(f => f.DistrictCode == "903" && !Met(f).Contains(ReadinessCondition.PlanApproved))),
            withoutPlan.Facilities.Select(f => f.FacilityCode));
        foreach (var row in preparing.Facilities.Concat(inDistrict.Facilities))
        {
            var facility = facilities.Single(f => f.FacilityCode == row.FacilityCode);
            Assert.Equal(facility.State, row.State);
            Assert.Equal(Met(facility).Order(), row.MetConditions.Order());
            Assert.Equal(facility.MissingPhase1.Order(), row.MissingPhase1.Order());
            Assert.Equal(facility.Name, row.Name);
        }
    }

    [Fact]
    public async Task The_facility_list_pages_through_every_facility_once_in_code_order()
    {
        var monitoring = MonitoringAs(hub, _provinceKey);
        var seen = new List<string>();
        var request = new ListProvinceFacilitiesRequest { PageSize = 7 };
        int pages = 0, total = 0;
        do
        {
            var page = await monitoring.ListFacilitiesAsync(request);
            Assert.True(page.Facilities.Count <= 7);
            seen.AddRange(page.Facilities.Select(f => f.FacilityCode));
            total = page.TotalMatching;
            request.PageToken = page.NextPageToken;
            pages++;
        }
        while (request.PageToken.Length > 0 && pages < 20);

        Assert.Equal(_codes.Order(StringComparer.Ordinal), seen);
        Assert.Equal(_codes.Count, total);
        Assert.Equal(6, pages);
        var foreignToken = await FailsAsync(monitoring.ListFacilitiesAsync(new ListProvinceFacilitiesRequest
        {
            PageSize = 7,
            State = ReadinessState.Ready,
            PageToken = (await monitoring.ListFacilitiesAsync(new ListProvinceFacilitiesRequest { PageSize = 7 })).NextPageToken,
        }));
        Assert.Equal(Grpc.Core.StatusCode.InvalidArgument, foreignToken.StatusCode);
    }

    private static async Task RandomRoadAsync(HubFixture hub, string code, Random random)
    {
        var district = Districts[random.Next(Districts.Length)];
        await RegisterAsync(hub, code, $"Trạm y tế {code}", district.Length == 0 ? null : district, insured: random.Next(5) > 0);
        var facilities = hub.Clients.AdminFacilities;
        if (random.Next(6) == 0)
        {
            return;
        }

        if (random.Next(4) > 0)
        {
            await facilities.IssueConnectionCodeAsync(new IssueConnectionCodeRequest { FacilityCode = code, KeyLabel = "monitoring" });
        }

        // Concurrent declarations on the same facility: the aggregate must keep the last revision, whatever the arrival order.
        var declared = HubClients.DeclaredPhase1.Concat([ReadinessCondition.ReceivesByIdentity, ReadinessCondition.AcceptsVneidBook])
            .Where(_ => random.Next(2) == 0)
            .Select(condition => (Condition: condition, State: random.Next(3) == 0 ? ConditionState.InProgress : ConditionState.Met))
            .ToList();
        await Task.WhenAll(declared.Select(d =>
        {
            var update = new UpdateConditionRequest { FacilityCode = code, Condition = d.Condition, State = d.State, Evidence = "QĐ 12/QĐ-SYT" };
            if (d.Condition == ReadinessCondition.StaffTrained)
            {
                update.Share = d.State == ConditionState.Met ? 0.9 : 0.3;
            }

            return facilities.UpdateConditionAsync(update).ResponseAsync;
        }));
        if (random.Next(6) == 0)
        {
            await facilities.SuspendFacilityAsync(new SuspendFacilityRequest { FacilityCode = code, Reason = "Chưa nộp hồ sơ" });
            if (random.Next(2) == 0)
            {
                await facilities.ResumeFacilityAsync(new ResumeFacilityRequest { FacilityCode = code });
            }
        }
    }

    private async Task<List<Facility>> RecountAsync()
    {
        var facilities = await Task.WhenAll(_codes.Select(code =>
            hub.Clients.AdminFacilities.GetFacilityAsync(new GetFacilityRequest { FacilityCode = code }).ResponseAsync));
        return [.. facilities];
    }

    private static void AssertCounts(IReadOnlyCollection<Facility> facilities, ReadinessCounts counts)
    {
        Assert.Equal(facilities.Count, counts.Facilities);
        foreach (var state in counts.ByState)
        {
            Assert.True(facilities.Count(f => f.State == state.State) == state.Facilities,
                $"district '{counts.DistrictCode}' {state.State}: recount {facilities.Count(f => f.State == state.State)}, API {state.Facilities}");
        }

        Assert.Equal(5, counts.ByState.Count);
        Assert.Equal(10, counts.ByConditionMet.Count);
        foreach (var condition in counts.ByConditionMet)
        {
            Assert.True(facilities.Count(f => Met(f).Contains(condition.Condition)) == condition.Facilities,
                $"district '{counts.DistrictCode}' {condition.Condition}: recount {facilities.Count(f => Met(f).Contains(condition.Condition))}, API {condition.Facilities}");
        }

        Assert.Equal(facilities.Count(f => f.MissingPhase1.Count == 0), counts.Phase1Complete);
        Assert.Equal(facilities.Count(f => f.Phase2Complete), counts.Phase2Complete);
    }

    private static List<ReadinessCondition> Met(Facility facility) =>
        facility.Conditions.Where(c => c.State == ConditionState.Met).Select(c => c.Condition).ToList();

    private static IEnumerable<string> Codes(IEnumerable<Facility> facilities) =>
        facilities.Select(f => f.FacilityCode).Order(StringComparer.Ordinal);
}
