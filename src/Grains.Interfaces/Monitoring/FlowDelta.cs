using SoSucKhoe.Facilities;

namespace SoSucKhoe.Monitoring;

/// <summary>
/// What happened at one facility since the last flush of a silo's flow recorder. Counters are increments; the flow grain adds
/// them to its totals and to its hourly and half-year buckets.
/// </summary>
/// <param name="Received">Dossiers received by the intake (valid or not).</param>
/// <param name="RefusedByHub">Dossiers refused by the hub (validation, signature, readiness).</param>
/// <param name="Accepted">Dossier versions accepted (made durable), duplicates excluded.</param>
/// <param name="Forwarded">Sending attempts to the gateway that got an answer or failed.</param>
/// <param name="Acknowledged">Dossier versions acknowledged by the gateway (first answer per outbox entry).</param>
/// <param name="RejectedByGateway">Dossier versions the gateway refused.</param>
/// <param name="LagTotalMilliseconds">Sum of acceptance-to-receipt lags of the acknowledged versions.</param>
/// <param name="LagMaxMilliseconds">Largest of those lags.</param>
/// <param name="LastActivity">Latest time a dossier was received, if any.</param>
/// <param name="Visits">New episodes and first acknowledgments, by report period and care type.</param>
/// <param name="Hours">Received and refused counts per UTC hour (for rejection-rate alerts).</param>
[GenerateSerializer, Immutable, Alias("sosuckhoe.FlowDelta")]
public sealed record FlowDelta(
    [property: Id(0)] long Received,
    [property: Id(1)] long RefusedByHub,
    [property: Id(2)] long Accepted,
    [property: Id(3)] long Forwarded,
    [property: Id(4)] long Acknowledged,
    [property: Id(5)] long RejectedByGateway,
    [property: Id(6)] long LagTotalMilliseconds,
    [property: Id(7)] long LagMaxMilliseconds,
    [property: Id(8)] DateTimeOffset? LastActivity,
    [property: Id(9)] IReadOnlyList<VisitCount> Visits,
    [property: Id(10)] IReadOnlyList<HourCount> Hours);

/// <summary>
/// Visits of one report period, care type and insurance status: new episodes (<see cref="Visits"/>) and episodes whose dossier the
/// gateway acknowledged for the first time (<see cref="Interconnected"/>).
/// </summary>
/// <param name="Period">The half-year, "2025-H1" or "2025-H2", of the episode's end (NGAY_RA, else NGAY_VAO), local time.</param>
[GenerateSerializer, Immutable, Alias("sosuckhoe.VisitCount")]
public sealed record VisitCount(
    [property: Id(0)] string Period,
    [property: Id(1)] CareType CareType,
    [property: Id(2)] bool Insured,
    [property: Id(3)] long Visits,
    [property: Id(4)] long Interconnected);

/// <summary>Dossiers received and refused by the hub in one UTC hour.</summary>
[GenerateSerializer, Immutable, Alias("sosuckhoe.HourCount")]
public sealed record HourCount(
    [property: Id(0)] DateTimeOffset Hour,
    [property: Id(1)] long Received,
    [property: Id(2)] long RefusedByHub);
