namespace SoSucKhoe.Facilities;

/// <summary>
/// The conditions a facility must meet. Phase 1 (QĐ 2733 Appendix 01 Art. 4): its connection code and the six preparation
/// conditions. Phase 2: the three capabilities at the desk and in the HIS. Some are derived by the hub from facts it holds
/// (<see cref="ReadinessConditions.IsDerived"/>); the others are declared by the province with evidence.
/// </summary>
public enum ReadinessCondition
{
    Unspecified = 0,

    /// <summary>Derived: the province issued the facility's interconnection code (mã liên thông).</summary>
    ConnectionCode = 1,

    /// <summary>Declared: the implementation plan is approved and staff are assigned.</summary>
    PlanApproved = 2,

    /// <summary>Derived: the HIS produces 130/4750 tables, proven by enough clean conformance dossiers.</summary>
    HisConfigured = 3,

    /// <summary>Derived: a registered signing certificate is valid now and not revoked.</summary>
    SigningCertificate = 4,

    /// <summary>Declared: the internal regulation and procedure are approved by the facility head.</summary>
    InternalRegulation = 5,

    /// <summary>Declared: staff are trained (met when the trained share reaches the configured threshold).</summary>
    StaffTrained = 6,

    /// <summary>Declared: network security and confidentiality measures are in place.</summary>
    NetworkSecurity = 7,

    /// <summary>Phase 2, declared: receives patients by chip ID card, personal ID number or insurance card.</summary>
    ReceivesByIdentity = 8,

    /// <summary>Phase 2, derived: signs and interconnects its episodes (the gateway acknowledged its dossiers).</summary>
    SignsAndInterconnects = 9,

    /// <summary>Phase 2, declared: accepts the VNeID e-health book at the desk.</summary>
    AcceptsVneidBook = 10,
}

/// <summary>Facts about the condition set.</summary>
public static class ReadinessConditions
{
    /// <summary>The phase 1 conditions, in display order.</summary>
    public static readonly IReadOnlyList<ReadinessCondition> Phase1 =
    [
        ReadinessCondition.ConnectionCode, ReadinessCondition.PlanApproved, ReadinessCondition.HisConfigured,
        ReadinessCondition.SigningCertificate, ReadinessCondition.InternalRegulation, ReadinessCondition.StaffTrained,
        ReadinessCondition.NetworkSecurity,
    ];

    /// <summary>The phase 2 capabilities, in display order.</summary>
    public static readonly IReadOnlyList<ReadinessCondition> Phase2 =
    [
        ReadinessCondition.ReceivesByIdentity, ReadinessCondition.SignsAndInterconnects, ReadinessCondition.AcceptsVneidBook,
    ];

    /// <summary>Every condition, phase 1 then phase 2.</summary>
    public static readonly IReadOnlyList<ReadinessCondition> All = [.. Phase1, .. Phase2];

    /// <summary>True for the conditions the hub derives itself; they cannot be declared.</summary>
    public static bool IsDerived(ReadinessCondition condition) => condition is ReadinessCondition.ConnectionCode
        or ReadinessCondition.HisConfigured or ReadinessCondition.SigningCertificate or ReadinessCondition.SignsAndInterconnects;
}

/// <summary>How far a condition is.</summary>
public enum ConditionState
{
    NotStarted = 0,
    InProgress = 1,
    Met = 2,
}

/// <summary>One condition of a facility, with its evidence and who recorded it when.</summary>
/// <param name="Evidence">For declared conditions, the evidence given (decision number, document reference); for derived ones,
/// what the hub saw.</param>
/// <param name="RecordedBy">Key id of the caller who declared it, or "hub" for derived conditions.</param>
/// <param name="Share">For <see cref="ReadinessCondition.StaffTrained"/>, the share of staff trained (0 to 1).</param>
[GenerateSerializer, Immutable, Alias("sosuckhoe.ConditionStatus")]
public sealed record ConditionStatus(
    [property: Id(0)] ReadinessCondition Condition,
    [property: Id(1)] ConditionState State,
    [property: Id(2)] string? Evidence,
    [property: Id(3)] string? RecordedBy,
    [property: Id(4)] DateTimeOffset? RecordedAt,
    [property: Id(5)] double? Share,
    [property: Id(6)] bool Derived);

/// <summary>A declaration of a condition by the province (derived conditions are refused).</summary>
[GenerateSerializer, Immutable, Alias("sosuckhoe.ConditionUpdate")]
public sealed record ConditionUpdate(
    [property: Id(0)] ReadinessCondition Condition,
    [property: Id(1)] ConditionState State,
    [property: Id(2)] string Evidence,
    [property: Id(3)] string RecordedBy,
    [property: Id(4)] double? Share);

/// <summary>
/// The facility's readiness state, derived from its conditions and facts: registered → preparing → ready (phase 1 met) → live
/// (the gateway acknowledged its first dossier) → suspended (no valid signing certificate, or suspended by the province).
/// </summary>
public enum ReadinessState
{
    Unspecified = 0,

    /// <summary>Registered; no connection code and no condition started.</summary>
    Registered = 1,

    /// <summary>Work has started (connection code issued or a condition in progress or met), phase 1 not complete.</summary>
    Preparing = 2,

    /// <summary>Phase 1 complete: may send production traffic.</summary>
    Ready = 3,

    /// <summary>Ready, and the gateway acknowledged at least one of its dossiers.</summary>
    Live = 4,

    /// <summary>Suspended by the province, or its signing certificates all expired or were revoked after it was ready.</summary>
    Suspended = 5,
}

/// <summary>One change of readiness state, kept forever as the facility's history.</summary>
[GenerateSerializer, Immutable, Alias("sosuckhoe.ReadinessTransition")]
public sealed record ReadinessTransition(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] ReadinessState From,
    [property: Id(2)] ReadinessState To,
    [property: Id(3)] string Reason);

/// <summary>The interconnection code (mã liên thông) the province issued to a facility.</summary>
[GenerateSerializer, Immutable, Alias("sosuckhoe.ConnectionCode")]
public sealed record ConnectionCodeRecord(
    [property: Id(0)] string Code,
    [property: Id(1)] DateTimeOffset IssuedAt,
    [property: Id(2)] string IssuedBy);

/// <summary>The facility's account at the national gateway, as shown: the secret is never part of it.</summary>
/// <param name="EgressAddress">The hub's outgoing address registered with the gateway for this account, if recorded.</param>
[GenerateSerializer, Immutable, Alias("sosuckhoe.GatewayAccountInfo")]
public sealed record GatewayAccountInfo(
    [property: Id(0)] string Username,
    [property: Id(1)] string? EgressAddress,
    [property: Id(2)] DateTimeOffset UpdatedAt);

/// <summary>A suspension by the province.</summary>
[GenerateSerializer, Immutable, Alias("sosuckhoe.Suspension")]
public sealed record Suspension(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string Reason,
    [property: Id(2)] string By);

/// <summary>What traffic a facility wants to send.</summary>
public enum AdmissionPurpose
{
    /// <summary>Production check-ins and dossiers: allowed when ready or live.</summary>
    Production = 1,

    /// <summary>Conformance (test) dossiers: allowed while registered, preparing, ready or live; never forwarded.</summary>
    Conformance = 2,
}

/// <summary>The gate's answer for one request, with everything the intake needs from the facility in one call.</summary>
/// <param name="View">The facility, or null when it is not registered.</param>
/// <param name="Allowed">True when the traffic may pass.</param>
/// <param name="Missing">When refused for readiness, the conditions still missing (phase 1), or empty when suspended.</param>
/// <param name="Reason">Why it was refused, in words.</param>
/// <param name="SigningCertificates">The facility's signing certificates, revoked ones included.</param>
[GenerateSerializer, Immutable, Alias("sosuckhoe.FacilityAdmission")]
public sealed record FacilityAdmission(
    [property: Id(0)] FacilityView? View,
    [property: Id(1)] bool Allowed,
    [property: Id(2)] IReadOnlyList<ReadinessCondition> Missing,
    [property: Id(3)] string? Reason,
    [property: Id(4)] IReadOnlyList<SigningCertificate> SigningCertificates);

/// <summary>The result of recording one conformance dossier.</summary>
/// <param name="CleanCount">Distinct clean conformance dossiers seen so far.</param>
/// <param name="Required">How many are needed to mark "HIS configured".</param>
/// <param name="HisConfigured">True once the condition is met.</param>
[GenerateSerializer, Immutable, Alias("sosuckhoe.ConformanceProgress")]
public sealed record ConformanceProgress(
    [property: Id(0)] int CleanCount,
    [property: Id(1)] int Required,
    [property: Id(2)] bool HisConfigured);
