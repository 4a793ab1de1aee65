using SoSucKhoe.Monitoring;

namespace SoSucKhoe.Api.Monitoring;

/// <summary>Everything one rendering of the dashboard shows, read from the province aggregate.</summary>
public sealed record DashboardData(
    ProvinceReadiness Readiness,
    IReadOnlyList<FacilitySnapshot> Facilities,
    IReadOnlyDictionary<string, FacilityFlow> Flows,
    IReadOnlyList<ReadinessAlert> Alerts,
    DateTimeOffset Now)
{
    /// <summary>Reads the province's readiness, facilities, flows and alerts.</summary>
    public static async Task<DashboardData> LoadAsync(IGrainFactory grains, string province, DateTimeOffset now)
    {
        var aggregate = grains.GetGrain<IProvinceReadinessGrain>(province);
        var readiness = aggregate.GetReadiness();
        var facilities = aggregate.ListFacilities(new FacilityFilter(null, null, null));
        var flows = aggregate.GetFlows(null);
        var alerts = aggregate.GetAlerts();
        await Task.WhenAll(readiness, facilities, flows, alerts);
        return new DashboardData(
            await readiness,
            (await facilities).OrderBy(f => f.FacilityCode, StringComparer.Ordinal).ToList(),
            (await flows).ToDictionary(f => f.FacilityCode, StringComparer.Ordinal),
            await alerts,
            now);
    }
}
