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
public sealed record ConditionStatus(
    ReadinessCondition Condition,
    ConditionState State,
    string? Evidence,
    string? RecordedBy,
    DateTimeOffset? RecordedAt,
    double? Share,
    bool Derived);

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
public sealed record ReadinessTransition(
    DateTimeOffset At,
    ReadinessState From,
    ReadinessState To,
    string Reason);

/// <summary>The interconnection code (mã liên thông) the province issued to a facility.</summary>
public sealed record ConnectionCodeRecord(
    string Code,
    DateTimeOffset IssuedAt,
    string IssuedBy);

/// <summary>A suspension by the province.</summary>
public sealed record Suspension(
    DateTimeOffset At,
    string Reason,
    string By);

/// <summary>The result of recording one conformance dossier.</summary>
/// <param name="CleanCount">Distinct clean conformance dossiers seen so far.</param>
/// <param name="Required">How many are needed to mark "HIS configured".</param>
/// <param name="HisConfigured">True once the condition is met.</param>
public sealed record ConformanceProgress(
    int CleanCount,
    int Required,
    bool HisConfigured);
