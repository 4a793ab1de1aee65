namespace SoSucKhoe.Monitoring;

/// <summary>The running totals of one facility's flow.</summary>
/// <param name="Backlog">Accepted versions not yet answered by the gateway (accepted − acknowledged − rejected by the gateway).</param>
/// <param name="AverageLagMilliseconds">Mean acceptance-to-receipt lag of acknowledged versions.</param>
/// <param name="RecentReceived">Received in the last 24 hours.</param>
/// <param name="RecentRefused">Refused by the hub in the last 24 hours.</param>
/// <param name="BaselineReceived">Received in the 7 days before those 24 hours.</param>
/// <param name="BaselineRefused">Refused by the hub in the 7 days before those 24 hours.</param>
[GenerateSerializer, Immutable, Alias("sosuckhoe.FacilityFlow")]
public sealed record FacilityFlow(
    [property: Id(0)] string FacilityCode,
    [property: Id(1)] long Received,
    [property: Id(2)] long RefusedByHub,
    [property: Id(3)] long Accepted,
    [property: Id(4)] long Forwarded,
    [property: Id(5)] long Acknowledged,
    [property: Id(6)] long RejectedByGateway,
    [property: Id(7)] long Backlog,
    [property: Id(8)] double AverageLagMilliseconds,
    [property: Id(9)] long MaxLagMilliseconds,
    [property: Id(10)] DateTimeOffset? LastActivity,
    [property: Id(11)] long RecentReceived,
    [property: Id(12)] long RecentRefused,
    [property: Id(13)] long BaselineReceived,
    [property: Id(14)] long BaselineRefused)
{
    /// <summary>No flow at all.</summary>
    public static FacilityFlow Empty(string facilityCode) => new(facilityCode, 0, 0, 0, 0, 0, 0, 0, 0, 0, null, 0, 0, 0, 0);
}

/// <summary>
/// The flow counters of one facility, keyed by MA_CSKCB. Fed by the silos' flow recorders in batches; pushes its totals to the
/// province aggregate; keeps the half-year visit counts of the semiannual report.
/// </summary>
public interface IFacilityFlowGrain : IGrainWithStringKey
{
    /// <summary>Adds a batch of increments.</summary>
    Task Apply(FlowDelta delta);

    /// <summary>The totals now.</summary>
    Task<FacilityFlow> GetFlow();

    /// <summary>The visit counts of one half-year period ("2025-H1").</summary>
    Task<IReadOnlyList<VisitCount>> GetVisits(string period);
}
