using SoSucKhoe.Dossiers.Catalogues;

namespace SoSucKhoe.Facilities;

/// <summary>What the readiness rules read of a registered facility.</summary>
/// <param name="Locations">The facility's effective-dated locations.</param>
/// <param name="SigningCertificates">Its registered signing certificates, revoked ones included.</param>
/// <param name="ConnectionCode">The interconnection code the province issued, if any.</param>
/// <param name="Declared">The conditions the province declared, as declared.</param>
/// <param name="CleanConformanceCount">Distinct clean conformance dossiers seen.</param>
/// <param name="UncleanConformanceCount">Distinct conformance dossiers that had errors.</param>
/// <param name="HisConfiguredAt">When enough clean conformance dossiers were seen; once set, "HIS configured" stays met.</param>
/// <param name="LastConformanceAt">When the last conformance dossier came.</param>
/// <param name="Suspension">The province's suspension, if any.</param>
/// <param name="FirstAcknowledgedAt">When the gateway first acknowledged one of its dossiers.</param>
/// <param name="ReachedReady">True once the facility was ready or live: losing its certificate afterwards suspends it.</param>
public sealed record ReadinessFacts(
    IReadOnlyList<FacilityLocation> Locations,
    IReadOnlyList<SigningCertificate> SigningCertificates,
    ConnectionCodeRecord? ConnectionCode,
    IReadOnlyDictionary<ReadinessCondition, ConditionStatus> Declared,
    int CleanConformanceCount,
    int UncleanConformanceCount,
    DateTimeOffset? HisConfiguredAt,
    DateTimeOffset? LastConformanceAt,
    Suspension? Suspension,
    DateTimeOffset? FirstAcknowledgedAt,
    bool ReachedReady);

/// <summary>What the readiness rules make of a facility's facts at one instant.</summary>
public sealed record DerivedReadiness(
    ReadinessState State,
    IReadOnlyList<ConditionStatus> Conditions,
    IReadOnlyList<ReadinessCondition> Met,
    IReadOnlyList<ReadinessCondition> MissingPhase1,
    bool Phase1Complete,
    bool Phase2Complete,
    bool HasValidCertificate,
    string ProvinceCode,
    string? DistrictCode,
    string? CommuneCode,
    string? FormerDistrictCode,
    DateTimeOffset? EarliestCertificateExpiry,
    ConformanceProgress Conformance,
    string? SuspensionCause,
    DateTimeOffset ValidUntil);

/// <summary>
/// The readiness rules, as pure functions of the facility's facts and the time.
/// <list type="bullet">
/// <item>Derived conditions: connection code issued; HIS configured once enough distinct clean conformance dossiers were seen (it
/// never goes back); a signing certificate valid now (NotBefore ≤ now &lt; NotAfter, not revoked); signs and interconnects once the
/// gateway acknowledged a dossier.</item>
/// <item>Staff trained: met exactly when the declared share reaches the threshold, whatever state was declared; below it the
/// condition is in progress, unless it was declared not started with no positive share.</item>
/// <item>State: suspended when the province suspended it, or when it had been ready or live and has no valid certificate now; else
/// live (phase 1 complete and acknowledged), ready (phase 1 complete), preparing (code issued or any condition started), registered.</item>
/// </list>
/// </summary>
public static class FacilityReadiness
{
    /// <summary>Who records derived conditions.</summary>
    public const string Hub = "hub";

    /// <summary>
    /// The facility's state, conditions and place at <paramref name="now"/>. Its place is the location in force today: its
    /// province, its district, and its commune as today's list names it (a commune recorded under the 2024 list is converted when
    /// <paramref name="units"/> knows it). When that location has no district (after the 2025 reform), its former district is the
    /// latest district an earlier location recorded in a province the current one was formed from, else the one the conversion
    /// gives: the monitoring keeps it for continuity with the reports made before the reform.
    /// </summary>
    public static DerivedReadiness Derive(ReadinessFacts facility, ReadinessOptions options, DateTimeOffset now, AdministrativeUnitHistory? units = null)
    {
        ArgumentNullException.ThrowIfNull(facility);
        ArgumentNullException.ThrowIfNull(options);
        var location = FacilityLocation.InForce(facility.Locations, options.LocalDay(now));
        var validUntil = DateTimeOffset.MaxValue;
        foreach (var candidate in facility.Locations)
        {
            var starts = new DateTimeOffset(candidate.EffectiveFrom.ToDateTime(TimeOnly.MinValue), options.LocalOffset);
            if (starts > now && starts < validUntil)
            {
                validUntil = starts;
            }
        }

        var hasValid = false;
        DateTimeOffset? earliestExpiry = null;
        SigningCertificate? valid = null;
        foreach (var certificate in facility.SigningCertificates)
        {
            foreach (var boundary in new[] { certificate.NotBefore, certificate.NotAfter, certificate.RevokedAt ?? DateTimeOffset.MaxValue })
            {
                if (boundary > now && boundary < validUntil)
                {
                    validUntil = boundary;
                }
            }

            if (IsValid(certificate, now))
            {
                hasValid = true;
                valid ??= certificate;
                if (earliestExpiry is null || certificate.NotAfter < earliestExpiry)
                {
                    earliestExpiry = certificate.NotAfter;
                }
            }
        }

        var conformance = new ConformanceProgress(facility.CleanConformanceCount, options.ConformanceDossiersRequired,
            facility.HisConfiguredAt is not null);
        var conditions = new ConditionStatus[ReadinessConditions.All.Count];
        var met = new List<ReadinessCondition>(conditions.Length);
        var missing = new List<ReadinessCondition>();
        var started = false;
        for (var i = 0; i < conditions.Length; i++)
        {
            var condition = ReadinessConditions.All[i];
            var status = condition switch
            {
                ReadinessCondition.ConnectionCode => facility.ConnectionCode is { } code
                    ? new ConditionStatus(condition, ConditionState.Met, $"Connection code issued by {code.IssuedBy}", Hub, code.IssuedAt, null, true)
                    : NotStarted(condition, derived: true),
                ReadinessCondition.HisConfigured => HisConfigured(facility, conformance),
                ReadinessCondition.SigningCertificate => valid is not null
                    ? new ConditionStatus(condition, ConditionState.Met,
                        $"Certificate {Short(valid.Thumbprint)} valid until {valid.NotAfter:yyyy-MM-dd}", Hub, valid.AddedAt, null, true)
                    : facility.SigningCertificates.Count > 0
                        ? new ConditionStatus(condition, ConditionState.InProgress,
                            "No registered certificate is valid now (expired, revoked or not yet valid)", Hub, null, null, true)
                        : NotStarted(condition, derived: true),
                ReadinessCondition.SignsAndInterconnects => facility.FirstAcknowledgedAt is { } first
                    ? new ConditionStatus(condition, ConditionState.Met, "The gateway acknowledged the facility's first dossier", Hub, first, null, true)
                    : NotStarted(condition, derived: true),
                _ => Declared(facility, condition, options),
            };
            conditions[i] = status;
            if (status.State == ConditionState.Met)
            {
                met.Add(condition);
            }
            else if (ReadinessConditions.Phase1.Contains(condition))
            {
                missing.Add(condition);
            }

            started |= status.State != ConditionState.NotStarted;
        }

        var phase1 = missing.Count == 0;
        var phase2 = ReadinessConditions.Phase2.All(met.Contains);
        string? suspensionCause = null;
        ReadinessState state;
        if (facility.Suspension is { } suspension)
        {
            state = ReadinessState.Suspended;
            suspensionCause = $"Suspended by province: {suspension.Reason}";
        }
        else if (facility.ReachedReady && !hasValid)
        {
            state = ReadinessState.Suspended;
            suspensionCause = CertificateLoss(facility.SigningCertificates, now);
        }
        else if (phase1)
        {
            state = facility.FirstAcknowledgedAt is not null ? ReadinessState.Live : ReadinessState.Ready;
        }
        else
        {
            state = facility.ConnectionCode is not null || started ? ReadinessState.Preparing : ReadinessState.Registered;
        }

        units ??= AdministrativeUnitHistory.None;
        var commune = location is null || string.IsNullOrEmpty(location.CommuneCode)
            ? null
            : units.CommuneToday(location.CommuneCode, location.EffectiveFrom, options.LocalDay(now)) ?? location.CommuneCode;
        var district = string.IsNullOrEmpty(location?.DistrictCode) ? null : location.DistrictCode;
        return new DerivedReadiness(state, conditions, met, missing, phase1, phase2, hasValid,
            location?.ProvinceCode ?? string.Empty, district, commune, district ?? FormerDistrict(facility.Locations, location, commune, units),
            earliestExpiry, conformance, suspensionCause, validUntil);
    }

    private static string? FormerDistrict(IReadOnlyList<FacilityLocation> locations, FacilityLocation? location, string? commune,
        AdministrativeUnitHistory units)
    {
        if (location is null)
        {
            return null;
        }

        var formedFrom = units.Latest?.FormerProvinceCodes(location.ProvinceCode) ?? [location.ProvinceCode];
        return locations.Where(l => l.EffectiveFrom < location.EffectiveFrom && !string.IsNullOrEmpty(l.DistrictCode) && formedFrom.Contains(l.ProvinceCode))
                   .OrderByDescending(l => l.EffectiveFrom).Select(l => l.DistrictCode).FirstOrDefault()
               ?? (commune is null ? null : units.Mapping.FormerDistrictOf(commune));
    }

    public static bool IsValid(SigningCertificate certificate, DateTimeOffset now) =>
        certificate.NotBefore <= now && now < certificate.NotAfter && (certificate.RevokedAt is null || certificate.RevokedAt > now);

    /// <summary>The reason recorded with a change of state.</summary>
    public static string TransitionReason(ReadinessState from, DerivedReadiness to, string? resumedBy) => to.State switch
    {
        ReadinessState.Suspended => to.SuspensionCause ?? "Suspended",
        _ when from == ReadinessState.Suspended && resumedBy is not null => $"Suspension lifted by {resumedBy}",
        _ when from == ReadinessState.Suspended => "A valid signing certificate is registered again",
        ReadinessState.Live => "First dossier acknowledged by the gateway",
        ReadinessState.Ready => "Phase 1 complete",
        ReadinessState.Preparing when from is ReadinessState.Ready or ReadinessState.Live =>
            $"Phase 1 no longer complete: missing {string.Join(", ", to.MissingPhase1)}",
        ReadinessState.Preparing => "Preparation started",
        _ => "No preparation under way",
    };

    private static string CertificateLoss(IReadOnlyList<SigningCertificate> certificates, DateTimeOffset now)
    {
        // The certificate that stayed valid the longest decides: was it revoked, or did it expire?
        SigningCertificate? last = null;
        var lastEnd = DateTimeOffset.MinValue;
        foreach (var certificate in certificates)
        {
            var end = certificate.RevokedAt is { } revoked && revoked < certificate.NotAfter ? revoked : certificate.NotAfter;
            if (end <= now && end >= lastEnd)
            {
                last = certificate;
                lastEnd = end;
            }
        }

        return last switch
        {
            null => "No valid signing certificate",
            { RevokedAt: { } revokedAt } when revokedAt < last.NotAfter => $"Certificate revoked: {Short(last.Thumbprint)}",
            _ => $"Certificate expired: {Short(last.Thumbprint)}",
        };
    }

    private static ConditionStatus HisConfigured(ReadinessFacts facility, ConformanceProgress conformance)
    {
        var evidence = $"{conformance.CleanCount} of {conformance.Required} clean conformance dossiers, {facility.UncleanConformanceCount} with errors";
        var state = conformance.HisConfigured
            ? ConditionState.Met
            : facility.CleanConformanceCount + facility.UncleanConformanceCount > 0 ? ConditionState.InProgress : ConditionState.NotStarted;
        return new ConditionStatus(ReadinessCondition.HisConfigured, state, state == ConditionState.NotStarted ? null : evidence, Hub,
            facility.HisConfiguredAt ?? facility.LastConformanceAt, null, true);
    }

    private static ConditionStatus Declared(ReadinessFacts facility, ReadinessCondition condition, ReadinessOptions options)
    {
        if (!facility.Declared.TryGetValue(condition, out var declared))
        {
            return NotStarted(condition, derived: false);
        }

        if (condition != ReadinessCondition.StaffTrained)
        {
            return declared with { Derived = false };
        }

        var share = declared.Share ?? 0;
        var state = share >= options.StaffTrainedThreshold
            ? ConditionState.Met
            : declared.State == ConditionState.NotStarted && share <= 0 ? ConditionState.NotStarted : ConditionState.InProgress;
        return declared with { State = state, Derived = false };
    }

    private static ConditionStatus NotStarted(ReadinessCondition condition, bool derived) =>
        new(condition, ConditionState.NotStarted, null, derived ? Hub : null, null, null, derived);

    private static string Short(string thumbprint) => thumbprint.Length > 16 ? thumbprint[..16] : thumbprint;
}
