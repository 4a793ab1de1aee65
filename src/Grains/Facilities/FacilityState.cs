using SoSucKhoe.Facilities;
using SoSucKhoe.Monitoring;

namespace SoSucKhoe.Grains.Facilities;

/// <summary>
/// The persisted facility: profile, interconnection, declared conditions, conformance evidence and the derived state with its
/// history. The gateway password is only ever stored encrypted (<see cref="ProtectedGatewayAccount"/>).
/// </summary>
[GenerateSerializer, Alias("sosuckhoe.FacilityState.v2")]
public sealed class FacilityState
{
    /// <summary>MA_CSKCB; null until registered.</summary>
    [Id(0)] public string? FacilityCode { get; set; }

    [Id(1)] public FacilityProfile? Profile { get; set; }

    [Id(2)] public DateTimeOffset RegisteredAt { get; set; }

    [Id(3)] public DateTimeOffset UpdatedAt { get; set; }

    [Id(4)] public List<SigningCertificate> SigningCertificates { get; set; } = [];

    [Id(5)] public ConnectionCodeRecord? ConnectionCode { get; set; }

    [Id(6)] public ProtectedGatewayAccount? GatewayAccount { get; set; }

    /// <summary>The declared conditions as declared (the staff-trained rule is applied when deriving).</summary>
    [Id(7)] public Dictionary<ReadinessCondition, ConditionStatus> Declared { get; set; } = [];

    /// <summary>Content hashes of distinct clean conformance dossiers (bounded, see <see cref="FacilityGrain"/>).</summary>
    [Id(8)] public HashSet<string> CleanConformance { get; set; } = [];

    /// <summary>Content hashes of distinct conformance dossiers that had errors (shown, never subtracted).</summary>
    [Id(9)] public HashSet<string> UncleanConformance { get; set; } = [];

    /// <summary>When enough clean conformance dossiers were seen; once set, "HIS configured" stays met.</summary>
    [Id(10)] public DateTimeOffset? HisConfiguredAt { get; set; }

    [Id(11)] public DateTimeOffset? LastConformanceAt { get; set; }

    [Id(12)] public Suspension? Suspension { get; set; }

    [Id(13)] public DateTimeOffset? FirstAcknowledgedAt { get; set; }

    /// <summary>True once the facility was ready or live: losing its certificate afterwards suspends it.</summary>
    [Id(14)] public bool ReachedReady { get; set; }

    /// <summary>The derived state as of the last persisted change.</summary>
    [Id(15)] public ReadinessState State { get; set; }

    [Id(16)] public List<ReadinessTransition> History { get; set; } = [];

    /// <summary>Increments with every persisted change.</summary>
    [Id(17)] public long Revision { get; set; }

    /// <summary>The snapshot of the last persisted change (what the province aggregate must hold).</summary>
    [Id(18)] public FacilitySnapshot? LastSnapshot { get; set; }

    /// <summary>Provinces the facility left and whose aggregate must still be told to forget it.</summary>
    [Id(19)] public List<string> PendingRemovals { get; set; } = [];

    /// <summary>What the readiness rules read of the facility, which must be registered.</summary>
    public ReadinessFacts ToReadinessFacts() => new(
        (Profile ?? throw new InvalidOperationException("The facility is not registered.")).Locations,
        SigningCertificates, ConnectionCode, Declared, CleanConformance.Count, UncleanConformance.Count, HisConfiguredAt,
        LastConformanceAt, Suspension, FirstAcknowledgedAt, ReachedReady);
}

/// <summary>The gateway account as stored: the password is ciphertext of the hub's secret protector.</summary>
[GenerateSerializer, Immutable, Alias("sosuckhoe.ProtectedGatewayAccount")]
public sealed record ProtectedGatewayAccount(
    [property: Id(0)] string Username,
    [property: Id(1)] string ProtectedPassword,
    [property: Id(2)] string? EgressAddress,
    [property: Id(3)] DateTimeOffset UpdatedAt);
