using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using Orleans.Serialization.Invocation;
using SoSucKhoe.Dossiers.Catalogues;
using SoSucKhoe.Facilities;
using SoSucKhoe.Grains.Monitoring;
using SoSucKhoe.Grains.Security;
using SoSucKhoe.Monitoring;

namespace SoSucKhoe.Grains.Facilities;

/// <summary>
/// One facility (MA_CSKCB): profile, interconnection, readiness conditions, the derived state machine and the gate. The rules are
/// in <see cref="FacilityReadiness"/>. Every persisted change increments the revision, appends a transition when the derived state
/// moved, and is pushed (awaited) to the province aggregate; a failed push is logged and retried by the next <see cref="Refresh"/>.
/// The gate answers from a cached derivation, rebuilt after a change or when a certificate or location boundary passes; when time
/// alone moved the state, the gate answers with the new state at once and queues a <see cref="Refresh"/> that persists it.
/// The reads (the gate among them) never wait behind a write: they interleave (see <see cref="IsRead"/>), and they see every
/// fact of a change as soon as it is applied in memory, just before it is written.
/// </summary>
[MayInterleave(nameof(IsRead))]
public sealed partial class FacilityGrain(
    [PersistentState("facility", StorageNames.Main)] IPersistentState<FacilityState> state,
    ISecretProtector secrets,
    AdministrativeUnitHistory units,
    IOptions<ReadinessOptions> options,
    ReadinessClock clock,
    ILogger<FacilityGrain> logger) : Grain, IFacilityGrain
{
    /// <summary>At most this many conformance hashes of each kind are kept (beyond it, new ones no longer count).</summary>
    internal const int ConformanceHashCap = 1000;

    private const string Base32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private readonly ReadinessOptions _options = options.Value;
    private Cached? _cache;
    private long _pushedRevision = -1;
    private bool _refreshQueued;

    private FacilityState Facility => state.State;

    /// <summary>The requests that only read and may interleave with any other (they do not mutate facts or await).</summary>
    public static bool IsRead(IInvokable request) => request.GetMethodName() is nameof(GetView) or nameof(GetHistory) or nameof(Admit)
        or nameof(GetForwardingProfile) or nameof(GetSigningCertificates);

    private bool IsRegistered => Facility.Profile is not null;

    public async Task<FacilityView> Register(FacilityRegistration registration)
    {
        ArgumentNullException.ThrowIfNull(registration);
        var code = this.GetPrimaryKeyString();
        if (!string.Equals(registration.FacilityCode, code, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The registration names facility '{registration.FacilityCode}', not '{code}'.", nameof(registration));
        }

        ValidateProfile(registration.Profile);
        if (Facility.Profile is { } existing && SameProfile(existing, registration.Profile))
        {
            return Current(clock.GetUtcNow()).View;
        }

        var now = clock.GetUtcNow();
        if (!IsRegistered)
        {
            Facility.RegisteredAt = now;
            Facility.State = ReadinessState.Unspecified;
        }

        Facility.FacilityCode = code;
        Facility.Profile = registration.Profile;
        return await CommitAsync(now);
    }

    public Task<FacilityView?> GetView() => Task.FromResult(IsRegistered ? Current(clock.GetUtcNow()).View : null);

    public Task<IReadOnlyList<ReadinessTransition>> GetHistory() =>
        Task.FromResult<IReadOnlyList<ReadinessTransition>>(Facility.History.ToArray());

    public Task<FacilityAdmission> Admit(AdmissionPurpose purpose)
    {
        if (!IsRegistered)
        {
            return Task.FromResult(new FacilityAdmission(null, false, [], $"Facility {this.GetPrimaryKeyString()} is not registered", []));
        }

        var cached = Current(clock.GetUtcNow());
        return Task.FromResult(purpose == AdmissionPurpose.Conformance ? cached.Conformance : cached.Production);
    }

    public async Task<FacilityView?> IssueConnectionCode(string issuedBy)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(issuedBy);
        if (!IsRegistered)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        Facility.ConnectionCode = new ConnectionCodeRecord(NewConnectionCode(Facility.FacilityCode!), now, issuedBy);
        return await CommitAsync(now);
    }

    public async Task<FacilityView?> SetGatewayAccount(string username, string password, string? egressAddress)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(username);
        ArgumentException.ThrowIfNullOrEmpty(password);
        if (!IsRegistered)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        Facility.GatewayAccount = new ProtectedGatewayAccount(username, secrets.Protect(password), egressAddress, now);
        return await CommitAsync(now);
    }

    public async Task<FacilityView?> UpdateCondition(ConditionUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        if (!Enum.IsDefined(update.Condition) || update.Condition == ReadinessCondition.Unspecified)
        {
            throw new ArgumentException($"Unknown readiness condition {update.Condition}.", nameof(update));
        }

        if (ReadinessConditions.IsDerived(update.Condition))
        {
            throw new ArgumentException($"{update.Condition} is derived by the hub and cannot be declared.", nameof(update));
        }

        if (!Enum.IsDefined(update.State))
        {
            throw new ArgumentException($"Unknown condition state {update.State}.", nameof(update));
        }

        if (update.Share is { } share && (double.IsNaN(share) || share < 0 || share > 1))
        {
            throw new ArgumentException("The share of staff trained must be between 0 and 1.", nameof(update));
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(update.RecordedBy);
        if (!IsRegistered)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        Facility.Declared[update.Condition] = new ConditionStatus(update.Condition, update.State, update.Evidence, update.RecordedBy, now,
            update.Share, false);
        return await CommitAsync(now);
    }

    public async Task<ConformanceProgress> RecordConformance(string contentHash, bool clean)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(contentHash);
        var required = _options.ConformanceDossiersRequired;
        if (!IsRegistered)
        {
            return new ConformanceProgress(0, required, false);
        }

        var set = clean ? Facility.CleanConformance : Facility.UncleanConformance;
        var cap = Math.Max(ConformanceHashCap, required);
        if (set.Count >= cap || set.Contains(contentHash))
        {
            return Current(clock.GetUtcNow()).Derived.Conformance;
        }

        var now = clock.GetUtcNow();
        set.Add(contentHash);
        Facility.LastConformanceAt = now;
        if (clean && Facility.HisConfiguredAt is null && Facility.CleanConformance.Count >= required)
        {
            Facility.HisConfiguredAt = now;
        }

        await CommitAsync(now);
        return Current(now).Derived.Conformance;
    }

    public async Task OnDossierAcknowledged(DateTimeOffset at)
    {
        if (!IsRegistered || Facility.FirstAcknowledgedAt is not null)
        {
            return;
        }

        Facility.FirstAcknowledgedAt = at;
        await CommitAsync(clock.GetUtcNow());
    }

    public async Task<FacilityView?> Suspend(string reason, string by)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        if (!IsRegistered)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        if (Facility.Suspension is { } current && current.Reason == reason)
        {
            return Current(now).View;
        }

        Facility.Suspension = new Suspension(now, reason, by);
        return await CommitAsync(now);
    }

    public async Task<FacilityView?> Resume(string by)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        if (!IsRegistered)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        if (Facility.Suspension is null)
        {
            return Current(now).View;
        }

        Facility.Suspension = null;
        return await CommitAsync(now, resumedBy: by);
    }

    public async Task<FacilityView?> Refresh()
    {
        _refreshQueued = false;
        if (!IsRegistered)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var cached = Current(now);
        if (Differs(cached.Derived, Facility))
        {
            return await CommitAsync(now);
        }

        await PushAsync();
        return cached.View;
    }

    public Task<ForwardingProfile?> GetForwardingProfile()
    {
        if (!IsRegistered)
        {
            return Task.FromResult<ForwardingProfile?>(null);
        }

        var account = Facility.GatewayAccount;
        return Task.FromResult<ForwardingProfile?>(new ForwardingProfile(Facility.FacilityCode!, Current(clock.GetUtcNow()).Derived.ProvinceCode,
            account?.Username, account is null ? null : secrets.Unprotect(account.ProtectedPassword)));
    }

    public async Task<SigningCertificate?> AddSigningCertificate(SigningCertificate certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        if (!IsRegistered)
        {
            return null;
        }

        if (Facility.SigningCertificates.Find(c => c.Thumbprint == certificate.Thumbprint) is { } existing)
        {
            return existing;
        }

        Facility.SigningCertificates.Add(certificate);
        await CommitAsync(clock.GetUtcNow());
        return certificate;
    }

    public async Task<SigningCertificate?> RevokeSigningCertificate(string thumbprint, DateTimeOffset at)
    {
        var index = Facility.SigningCertificates.FindIndex(c => c.Thumbprint == thumbprint);
        if (index < 0)
        {
            return null;
        }

        if (Facility.SigningCertificates[index].RevokedAt is null)
        {
            Facility.SigningCertificates[index] = Facility.SigningCertificates[index] with { RevokedAt = at };
            await CommitAsync(clock.GetUtcNow());
        }

        return Facility.SigningCertificates[index];
    }

    public Task<IReadOnlyList<SigningCertificate>> GetSigningCertificates() =>
        Task.FromResult<IReadOnlyList<SigningCertificate>>(Facility.SigningCertificates.ToArray());

    /// <summary>Re-derives after a change of facts, records any transition, persists, then pushes to the province.</summary>
    private async Task<FacilityView> CommitAsync(DateTimeOffset now, string? resumedBy = null)
    {
        _cache = null;
        var derived = FacilityReadiness.Derive(Facility.ToReadinessFacts(), _options, now, units);
        var from = Facility.State;
        if (derived.State != from)
        {
            Facility.History.Add(new ReadinessTransition(now, from, derived.State,
                from == ReadinessState.Unspecified ? "Registered" : FacilityReadiness.TransitionReason(from, derived, resumedBy)));
            Facility.State = derived.State;
        }

        if (derived.State is ReadinessState.Ready or ReadinessState.Live)
        {
            Facility.ReachedReady = true;
        }

        if (Facility.LastSnapshot is { ProvinceCode: { Length: > 0 } oldProvince } && oldProvince != derived.ProvinceCode
            && !Facility.PendingRemovals.Contains(oldProvince))
        {
            Facility.PendingRemovals.Add(oldProvince);
        }

        Facility.PendingRemovals.Remove(derived.ProvinceCode);
        Facility.UpdatedAt = now;
        Facility.Revision++;
        Facility.LastSnapshot = ToSnapshot(derived, now, Facility.Revision);
        await state.WriteStateAsync();
        _cache = null;
        await PushAsync();
        return Current(now).View;
    }

    /// <summary>Brings the province aggregates in step with the last persisted snapshot; failures wait for the next refresh.</summary>
    private async Task PushAsync()
    {
        if (Facility.LastSnapshot is not { } snapshot || (_pushedRevision == snapshot.Revision && Facility.PendingRemovals.Count == 0))
        {
            return;
        }

        try
        {
            foreach (var province in Facility.PendingRemovals.ToArray())
            {
                await GrainFactory.GetGrain<IProvinceReadinessGrain>(province).Remove(snapshot.FacilityCode, snapshot.Revision);
                Facility.PendingRemovals.Remove(province);
            }

            await GrainFactory.GetGrain<IProvinceReadinessGrain>(snapshot.ProvinceCode).Update(snapshot);
            _pushedRevision = snapshot.Revision;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogPushFailed(logger, exception, snapshot.FacilityCode, snapshot.Revision);
        }
    }

    /// <summary>The derivation for now, from cache while no fact changed and no time boundary passed.</summary>
    private Cached Current(DateTimeOffset now)
    {
        if (_cache is { } cache && now < cache.Derived.ValidUntil)
        {
            return cache;
        }

        var derived = FacilityReadiness.Derive(Facility.ToReadinessFacts(), _options, now, units);
        _cache = cache = new Cached(derived, ToView(derived));
        cache.Production = Admission(cache.View, derived, AdmissionPurpose.Production);
        cache.Conformance = Admission(cache.View, derived, AdmissionPurpose.Conformance);
        if (Differs(derived, Facility))
        {
            QueueRefresh();
        }

        return cache;
    }

    /// <summary>Time alone moved the facts (a certificate expired): persist and push it through a call to self, after this turn.</summary>
    private void QueueRefresh()
    {
        if (_refreshQueued)
        {
            return;
        }

        _refreshQueued = true;
        var self = this.AsReference<IFacilityGrain>();
        _ = RefreshSelfAsync(self);

        async Task RefreshSelfAsync(IFacilityGrain grain)
        {
            try
            {
                await grain.Refresh();
            }
            catch (Exception exception)
            {
                _refreshQueued = false;
                LogRefreshFailed(logger, exception, this.GetPrimaryKeyString());
            }
        }
    }

    private static bool Differs(DerivedReadiness derived, FacilityState facility) =>
        facility.LastSnapshot is not { } last
        || derived.State != facility.State
        || derived.ProvinceCode != last.ProvinceCode
        || derived.FormerDistrictCode != last.DistrictCode
        || derived.CommuneCode != last.CommuneCode
        || derived.EarliestCertificateExpiry != last.EarliestCertificateExpiry
        || derived.Phase1Complete != last.Phase1Complete
        || derived.Phase2Complete != last.Phase2Complete
        || !derived.Met.SequenceEqual(last.Met);

    private FacilitySnapshot ToSnapshot(DerivedReadiness derived, DateTimeOffset now, long revision) => new(
        Facility.FacilityCode!, Facility.Profile!.Name, derived.ProvinceCode, derived.FormerDistrictCode, derived.State, derived.Met.ToArray(),
        derived.Phase1Complete, derived.Phase2Complete, Facility.Profile.InsuredCareContract, derived.EarliestCertificateExpiry, now, revision,
        derived.CommuneCode);

    private FacilityView ToView(DerivedReadiness derived)
    {
        var account = Facility.GatewayAccount;
        return new FacilityView(Facility.FacilityCode!, Facility.Profile!.Name, derived.ProvinceCode, derived.DistrictCode,
            account is not null, Facility.RegisteredAt, Facility.UpdatedAt, Facility.Profile, derived.State, derived.Conditions,
            derived.MissingPhase1, Facility.ConnectionCode,
            account is null ? null : new GatewayAccountInfo(account.Username, account.EgressAddress, account.UpdatedAt),
            Facility.Suspension, derived.Conformance, Facility.FirstAcknowledgedAt, derived.EarliestCertificateExpiry, Facility.Revision);
    }

    private FacilityAdmission Admission(FacilityView view, DerivedReadiness derived, AdmissionPurpose purpose)
    {
        var certificates = Facility.SigningCertificates.ToArray();
        var code = view.FacilityCode;
        var allowed = derived.State switch
        {
            ReadinessState.Ready or ReadinessState.Live => true,
            ReadinessState.Registered or ReadinessState.Preparing => purpose == AdmissionPurpose.Conformance,
            _ => false,
        };
        string? reason = allowed
            ? null
            : derived.State == ReadinessState.Suspended
                ? $"Facility {code} is suspended ({derived.SuspensionCause})"
                : $"Facility {code} is not ready: missing {string.Join(", ", derived.MissingPhase1)}";
        return new FacilityAdmission(view, allowed, derived.MissingPhase1, reason, certificates);
    }

    private static void ValidateProfile(FacilityProfile? profile)
    {
        if (profile is null)
        {
            throw new ArgumentException("The registration needs a profile.", nameof(profile));
        }

        if (string.IsNullOrWhiteSpace(profile.Name))
        {
            throw new ArgumentException("The facility needs a name.", nameof(profile));
        }

        if (profile.Locations is not { Count: > 0 })
        {
            throw new ArgumentException("The facility needs at least one location.", nameof(profile));
        }

        foreach (var location in profile.Locations)
        {
            if (location.ProvinceCode is not { Length: 2 } province || !province.All(char.IsAsciiDigit))
            {
                throw new ArgumentException($"'{location.ProvinceCode}' is not a 2-digit province code.", nameof(profile));
            }
        }

        if (profile.CareTypes is null || profile.CareTypes.Any(c => c == CareType.Unspecified || !Enum.IsDefined(c)))
        {
            throw new ArgumentException("The care types must be among the six of the semiannual report.", nameof(profile));
        }
    }

    private static bool SameProfile(FacilityProfile a, FacilityProfile b) =>
        a.Name == b.Name && a.Level == b.Level && a.Ownership == b.Ownership && a.InsuredCareContract == b.InsuredCareContract
        && a.Locations.SequenceEqual(b.Locations) && a.CareTypes.SequenceEqual(b.CareTypes);

    private static string NewConnectionCode(string facilityCode)
    {
        Span<char> suffix = stackalloc char[8];
        for (var i = 0; i < suffix.Length; i++)
        {
            suffix[i] = Base32[RandomNumberGenerator.GetInt32(Base32.Length)];
        }

        return $"LT-{facilityCode}-{suffix}";
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Facility {FacilityCode}: pushing revision {Revision} to the province aggregate failed; the next refresh retries")]
    private static partial void LogPushFailed(ILogger logger, Exception exception, string facilityCode, long revision);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Facility {FacilityCode}: refreshing after a time boundary failed")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception, string facilityCode);

    private sealed class Cached(DerivedReadiness derived, FacilityView view)
    {
        public DerivedReadiness Derived { get; } = derived;

        public FacilityView View { get; } = view;

        public FacilityAdmission Production { get; set; } = null!;

        public FacilityAdmission Conformance { get; set; } = null!;
    }
}
