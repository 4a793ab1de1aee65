namespace SoSucKhoe.Facilities;

/// <summary>
/// One health facility, keyed by its 5-character code MA_CSKCB. Holds its profile, interconnection (connection code, gateway
/// account, signing certificates), the readiness conditions and the derived state with its history, and gates its traffic.
/// Every change that moves the state or a condition is pushed to the province aggregate of the facility's current province.
/// </summary>
public interface IFacilityGrain : IGrainWithStringKey
{
    /// <summary>Registers the facility, or updates its profile (idempotent on the code).</summary>
    Task<FacilityView> Register(FacilityRegistration registration);

    /// <summary>The facility as the hub knows it, or null when it was never registered.</summary>
    Task<FacilityView?> GetView();

    /// <summary>Every readiness transition, oldest first.</summary>
    Task<IReadOnlyList<ReadinessTransition>> GetHistory();

    /// <summary>The gate: may this traffic pass now? One call that also returns the view and the signing certificates.</summary>
    Task<FacilityAdmission> Admit(AdmissionPurpose purpose);

    /// <summary>Issues (or re-issues, replacing) the facility's connection code; null when not registered.</summary>
    Task<FacilityView?> IssueConnectionCode(string issuedBy);

    /// <summary>Stores the facility's gateway account; the password is kept encrypted and never returned. Null when not registered.</summary>
    Task<FacilityView?> SetGatewayAccount(string username, string password, string? egressAddress);

    /// <summary>Declares a condition (derived conditions are refused with <see cref="ArgumentException"/>). Null when not registered.</summary>
    Task<FacilityView?> UpdateCondition(ConditionUpdate update);

    /// <summary>Records the outcome of one conformance dossier, identified by its content hash (a dossier counts once).</summary>
    Task<ConformanceProgress> RecordConformance(string contentHash, bool clean);

    /// <summary>Marks that the gateway acknowledged one of the facility's dossiers (the first one makes it live).</summary>
    Task OnDossierAcknowledged(DateTimeOffset at);

    /// <summary>Suspends the facility by decision of the province. Null when not registered.</summary>
    Task<FacilityView?> Suspend(string reason, string by);

    /// <summary>Lifts the province's suspension (the state is derived again). Null when not registered.</summary>
    Task<FacilityView?> Resume(string by);

    /// <summary>Re-derives the state at the current time (certificates expire) and pushes any change to the province aggregate.</summary>
    Task<FacilityView?> Refresh();

    /// <summary>What the forwarder needs to call the gateway on the facility's behalf; null when not registered.</summary>
    Task<ForwardingProfile?> GetForwardingProfile();

    /// <summary>Registers a signing certificate (idempotent by thumbprint); null when the facility is not registered.</summary>
    Task<SigningCertificate?> AddSigningCertificate(SigningCertificate certificate);

    /// <summary>Revokes a signing certificate now; null when the facility has no such certificate.</summary>
    Task<SigningCertificate?> RevokeSigningCertificate(string thumbprint, DateTimeOffset at);

    /// <summary>Every signing certificate the facility registered, revoked ones included.</summary>
    Task<IReadOnlyList<SigningCertificate>> GetSigningCertificates();
}

/// <summary>A registration (or profile update) request.</summary>
[GenerateSerializer, Immutable, Alias("sosuckhoe.FacilityRegistration")]
public sealed record FacilityRegistration(
    [property: Id(0)] string FacilityCode,
    [property: Id(1)] FacilityProfile Profile);

/// <summary>The facility as shown to callers: secrets are never part of it.</summary>
/// <param name="ProvinceCode">Province of the location in force today.</param>
/// <param name="DistrictCode">District of the location in force today, if any.</param>
/// <param name="Conditions">Every condition (phase 1 then phase 2), derived ones computed at the time of the view.</param>
/// <param name="MissingPhase1">The phase 1 conditions not met.</param>
/// <param name="Revision">Increases with every change of the facility; the province aggregate ignores older snapshots.</param>
[GenerateSerializer, Immutable, Alias("sosuckhoe.FacilityView")]
public sealed record FacilityView(
    [property: Id(0)] string FacilityCode,
    [property: Id(1)] string Name,
    [property: Id(2)] string ProvinceCode,
    [property: Id(3)] string? DistrictCode,
    [property: Id(4)] bool HasGatewayAccount,
    [property: Id(5)] DateTimeOffset RegisteredAt,
    [property: Id(6)] DateTimeOffset UpdatedAt,
    [property: Id(7)] FacilityProfile Profile,
    [property: Id(8)] ReadinessState State,
    [property: Id(9)] IReadOnlyList<ConditionStatus> Conditions,
    [property: Id(10)] IReadOnlyList<ReadinessCondition> MissingPhase1,
    [property: Id(11)] ConnectionCodeRecord? ConnectionCode,
    [property: Id(12)] GatewayAccountInfo? GatewayAccount,
    [property: Id(13)] Suspension? Suspension,
    [property: Id(14)] ConformanceProgress Conformance,
    [property: Id(15)] DateTimeOffset? FirstAcknowledgedAt,
    [property: Id(16)] DateTimeOffset? EarliestCertificateExpiry,
    [property: Id(17)] long Revision)
{
    /// <summary>True when every phase 2 capability is met.</summary>
    public bool Phase2Complete => Conditions.Where(c => ReadinessConditions.Phase2.Contains(c.Condition)).All(c => c.State == ConditionState.Met);
}

/// <summary>The gateway account (password decrypted, for the forwarder only) and province code used when forwarding.</summary>
[GenerateSerializer, Immutable, Alias("sosuckhoe.ForwardingProfile")]
public sealed record ForwardingProfile(
    [property: Id(0)] string FacilityCode,
    [property: Id(1)] string ProvinceCode,
    [property: Id(2)] string? GatewayUsername,
    [property: Id(3)] string? GatewayPassword);
