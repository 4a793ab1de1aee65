using SoSucKhoe.Facilities;

namespace SoSucKhoe.Monitoring;

/// <summary>
/// What the province aggregate keeps of one facility: the latest snapshot it was sent (older revisions are ignored).
/// <see cref="DistrictCode"/> is the district of the location in force, or after the 2025 reform (no district level) the former
/// district, for continuity with reports made before it; <see cref="CommuneCode"/> is today's commune.
/// </summary>
[GenerateSerializer, Immutable, Alias("sosuckhoe.FacilitySnapshot")]
public sealed record FacilitySnapshot(
    [property: Id(0)] string FacilityCode,
    [property: Id(1)] string Name,
    [property: Id(2)] string ProvinceCode,
    [property: Id(3)] string? DistrictCode,
    [property: Id(4)] ReadinessState State,
    [property: Id(5)] IReadOnlyList<ReadinessCondition> Met,
    [property: Id(6)] bool Phase1Complete,
    [property: Id(7)] bool Phase2Complete,
    [property: Id(8)] bool InsuredCareContract,
    [property: Id(9)] DateTimeOffset? EarliestCertificateExpiry,
    [property: Id(10)] DateTimeOffset UpdatedAt,
    [property: Id(11)] long Revision,
    [property: Id(12)] string? CommuneCode = null);

/// <summary>Counts over a set of facilities (the province, one (former) district, or one of today's communes).</summary>
/// <param name="ByState">Facilities per readiness state.</param>
/// <param name="ByConditionMet">Facilities per condition met.</param>
/// <param name="Phase1Complete">Facilities with phase 1 complete (ready, live, or suspended after having completed it).</param>
/// <param name="Phase2Complete">Facilities with every phase 2 capability.</param>
[GenerateSerializer, Immutable, Alias("sosuckhoe.ReadinessCounts")]
public sealed record ReadinessCounts(
    [property: Id(0)] string? DistrictCode,
    [property: Id(1)] int Facilities,
    [property: Id(2)] IReadOnlyDictionary<ReadinessState, int> ByState,
    [property: Id(3)] IReadOnlyDictionary<ReadinessCondition, int> ByConditionMet,
    [property: Id(4)] int Phase1Complete,
    [property: Id(5)] int Phase2Complete,
    [property: Id(6)] FlowTotals Flow,
    [property: Id(7)] string? CommuneCode = null);

/// <summary>Flow summed over facilities.</summary>
[GenerateSerializer, Immutable, Alias("sosuckhoe.FlowTotals")]
public sealed record FlowTotals(
    [property: Id(0)] long Received,
    [property: Id(1)] long RefusedByHub,
    [property: Id(2)] long Accepted,
    [property: Id(3)] long Forwarded,
    [property: Id(4)] long Acknowledged,
    [property: Id(5)] long RejectedByGateway,
    [property: Id(6)] long Backlog);

/// <summary>A phase's target and deadline (configuration) and how far the province is.</summary>
[GenerateSerializer, Immutable, Alias("sosuckhoe.PhaseProgress")]
public sealed record PhaseProgress(
    [property: Id(0)] int Phase,
    [property: Id(1)] DateOnly Deadline,
    [property: Id(2)] double TargetShare,
    [property: Id(3)] int Complete,
    [property: Id(4)] int Facilities,
    [property: Id(5)] bool TargetMet);

/// <summary>The province's readiness now.</summary>
[GenerateSerializer, Immutable, Alias("sosuckhoe.ProvinceReadiness")]
public sealed record ProvinceReadiness(
    [property: Id(0)] string ProvinceCode,
    [property: Id(1)] ReadinessCounts Total,
    [property: Id(2)] IReadOnlyList<ReadinessCounts> Districts,
    [property: Id(3)] IReadOnlyList<PhaseProgress> Phases,
    [property: Id(4)] long Sequence,
    [property: Id(5)] DateTimeOffset AsOf,
    [property: Id(6)] IReadOnlyList<ReadinessCounts>? Communes = null);

/// <summary>Filters of the facility list (all optional; empty means any).</summary>
[GenerateSerializer, Immutable, Alias("sosuckhoe.FacilityFilter")]
public sealed record FacilityFilter(
    [property: Id(0)] string? DistrictCode,
    [property: Id(1)] ReadinessState? State,
    [property: Id(2)] ReadinessCondition? MissingCondition,
    [property: Id(3)] string? CommuneCode = null);

/// <summary>One change in the province, in the order the aggregate applied it.</summary>
/// <param name="Sequence">Increases by one per change within the province aggregate's activation history.</param>
[GenerateSerializer, Immutable, Alias("sosuckhoe.ReadinessChange")]
public sealed record ReadinessChange(
    [property: Id(0)] long Sequence,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] string FacilityCode,
    [property: Id(3)] string? DistrictCode,
    [property: Id(4)] ReadinessState From,
    [property: Id(5)] ReadinessState To,
    [property: Id(6)] IReadOnlyList<ReadinessCondition> Met,
    [property: Id(7)] string Reason);

/// <summary>What an alert is about.</summary>
public enum AlertKind
{
    Unspecified = 0,

    /// <summary>A live facility sent no dossier for the configured number of working hours.</summary>
    Silent = 1,

    /// <summary>A signing certificate expires within 30 days.</summary>
    CertificateExpiring = 2,

    /// <summary>The share of dossiers the hub refused in the last 24 hours jumped above the facility's baseline.</summary>
    RejectionRateJump = 3,
}

/// <summary>One alert for the province.</summary>
[GenerateSerializer, Immutable, Alias("sosuckhoe.ReadinessAlert")]
public sealed record ReadinessAlert(
    [property: Id(0)] AlertKind Kind,
    [property: Id(1)] string FacilityCode,
    [property: Id(2)] string? DistrictCode,
    [property: Id(3)] string Message,
    [property: Id(4)] DateTimeOffset Since);

/// <summary>
/// One line of the semiannual report: a facility (or a group, when FacilityCode is null: the total when it names neither commune
/// nor district), a care type, insured or not. A facility's line names its commune today and its (former) district.
/// </summary>
[GenerateSerializer, Immutable, Alias("sosuckhoe.SemiannualLine")]
public sealed record SemiannualLine(
    [property: Id(0)] string? FacilityCode,
    [property: Id(1)] string? FacilityName,
    [property: Id(2)] CareType CareType,
    [property: Id(3)] bool Insured,
    [property: Id(4)] long Visits,
    [property: Id(5)] long Interconnected,
    [property: Id(6)] string? CommuneCode = null,
    [property: Id(7)] string? DistrictCode = null);

/// <summary>
/// The semiannual report of QĐ 2733 Appendix 01 Art. 8 for one province and half-year: per facility and in total, and the same
/// figures summed per commune of today (<see cref="Communes"/>) and per former district (<see cref="Districts"/>), for continuity
/// with the reports made before the 2025 reform.
/// </summary>
[GenerateSerializer, Immutable, Alias("sosuckhoe.SemiannualReport")]
public sealed record SemiannualReport(
    [property: Id(0)] string ProvinceCode,
    [property: Id(1)] string Period,
    [property: Id(2)] IReadOnlyList<SemiannualLine> Lines,
    [property: Id(3)] DateTimeOffset GeneratedAt,
    [property: Id(4)] IReadOnlyList<SemiannualLine>? Communes = null,
    [property: Id(5)] IReadOnlyList<SemiannualLine>? Districts = null);

/// <summary>
/// The readiness aggregate of one province (key: 2-digit province code). Holds the latest snapshot of each facility located there
/// and the latest flow totals, so every count is recomputed from per-facility facts and stays exact however updates interleave.
/// Publishes each readiness change on the stream <see cref="SoSucKhoe.Forwarding.StreamNames.ReadinessNamespace"/> keyed by the province code.
/// </summary>
public interface IProvinceReadinessGrain : IGrainWithStringKey
{
    /// <summary>Replaces a facility's snapshot unless an equal or newer revision is held.</summary>
    Task Update(FacilitySnapshot snapshot);

    /// <summary>Forgets a facility that moved to another province (by revision, like <see cref="Update"/>).</summary>
    Task Remove(string facilityCode, long revision);

    /// <summary>Replaces a facility's flow totals.</summary>
    Task UpdateFlow(FacilityFlow flow);

    /// <summary>The counts now, per district and in total, with phase progress.</summary>
    Task<ProvinceReadiness> GetReadiness();

    /// <summary>The facilities matching a filter, ordered by code.</summary>
    Task<IReadOnlyList<FacilitySnapshot>> ListFacilities(FacilityFilter filter);

    /// <summary>The flow of every facility (or one), ordered by code.</summary>
    Task<IReadOnlyList<FacilityFlow>> GetFlows(string? facilityCode);

    /// <summary>The alerts now.</summary>
    Task<IReadOnlyList<ReadinessAlert>> GetAlerts();

    /// <summary>Changes after a sequence number still held in memory (the most recent ones), in order.</summary>
    Task<IReadOnlyList<ReadinessChange>> GetChangesSince(long sequence);

    /// <summary>The semiannual report of a period ("2025-H1"), per facility and in total.</summary>
    Task<SemiannualReport> GetSemiannualReport(string period);

    /// <summary>Asks every facility of the province to re-derive its state now (certificates expire with time).</summary>
    Task RefreshAll();
}
