namespace SoSucKhoe.LoadTest.Verification;

/// <summary>What the verification knows once the drain is over: the calls, the hub's answers, the gateway's record, the disruptions.</summary>
public sealed record VerificationInput
{
    /// <summary>Every call of the run, with its dossier's identity.</summary>
    public required IReadOnlyList<SentRequest> Requests { get; init; }

    /// <summary>
    /// The hub's status per query: for an OK'd dossier the version it was answered with; for a dossier whose calls all failed, the
    /// latest (version 0). A missing entry means the hub was not asked or did not answer.
    /// </summary>
    public required IReadOnlyDictionary<HubQuery, HubRecord> Hub { get; init; }

    /// <summary>The dossiers the gateway (emulator) received since the run began, or null when its record was not read.</summary>
    public IReadOnlyList<GatewayCopy>? Gateway { get; init; }

    /// <summary>False when the emulator's bounded list had already dropped items of the run.</summary>
    public bool GatewayComplete { get; init; } = true;

    /// <summary>Gateway outages and the hub's downtimes: waiting through them is not the forwarding's delay.</summary>
    public IReadOnlyList<Disruption> Disruptions { get; init; } = [];

    /// <summary>
    /// When each stopped life of the hub ended (its process group was gone): a copy received before and another after belong to
    /// different lives. Empty: the starts of the <see cref="Disruption.HubDown"/> disruptions.
    /// </summary>
    public IReadOnlyList<DateTimeOffset> LifeEnds { get; init; } = [];

    /// <summary>Delays longer than this (after disruptions are taken out) are late.</summary>
    public required TimeSpan LateAfter { get; init; }
}

/// <summary>
/// The verification's arithmetic, free of I/O: groups the calls by dossier identity (facility, MA_LK, SHA-256 of the bytes), and
/// decides for each dossier that was OK'd, or stored although its calls failed, whether it reached the gateway, when, how many
/// times, and whether the hub's record agrees.
/// </summary>
/// <remarks>
/// <para>Reached the gateway: the emulator received these exact bytes for this facility and MA_LK (when its record was read and
/// complete); otherwise the hub's ACKNOWLEDGED with a receipt. A dossier the hub calls acknowledged but whose bytes the emulator
/// never received is lost: the gateway's record is the one that counts.</para>
/// <para>Delay: from the first OK (for a failed-yet-stored dossier, its failed call) to the gateway's first copy, less every moment
/// in which the hub was down (from its stop until it served again) or the gateway was out. What is left is the time the
/// forwarding itself kept the dossier waiting; above <see cref="VerificationInput.LateAfter"/> it is late. A late dossier is not
/// lost, and a lost one is not late.</para>
/// <para>Duplicates: a dossier whose bytes the gateway received n &gt; 1 times counts once, with its n copies. When every extra
/// copy came in a later life of the hub than the copy before it (a stop ended that life in between), the hub may not have stored
/// the receipt of the earlier copy before it died: that is the at-least-once promise across a restart, reported apart from
/// duplicates within one life of the hub, which nothing excuses.</para>
/// </remarks>
public static class DossierVerification
{
    public static VerificationResult Classify(VerificationInput input, double? drainSeconds = null, double deadlineSeconds = 0)
    {
        ArgumentNullException.ThrowIfNull(input);
        var disruptions = Merge(input.Disruptions);
        var lifeEnds = (input.LifeEnds.Count > 0
            ? input.LifeEnds
            : input.Disruptions.Where(static d => d.Reason == Disruption.HubDown).Select(static d => d.From)).Order().ToList();
        var gatewayChecked = input.Gateway is not null;
        var copies = (input.Gateway ?? [])
            .GroupBy(static c => c.Key)
            .ToDictionary(static g => g.Key, static g => g.OrderBy(static c => c.ReceivedAt).ThenBy(static c => c.Sequence).ToList());
        var identified = input.Requests.Where(static r => r.HasIdentity).ToList();
        var sentKeys = identified.Select(static r => r.Key).ToHashSet();

        var verdicts = new List<DossierVerdict>();
        foreach (var calls in identified.GroupBy(static r => r.Key))
        {
            var verdict = Judge(calls.Key, calls.OrderBy(static r => r.CompletedAt).ToList(), input, copies, gatewayChecked, disruptions, lifeEnds);
            if (verdict is not null)
            {
                verdicts.Add(verdict);
            }
        }

        var okd = verdicts.Where(static v => v.Okd).ToList();
        var delays = okd.Where(static v => v.EffectiveDelaySeconds is not null).Select(static v => v.EffectiveDelaySeconds!.Value).Order().ToList();
        var failedYetStored = verdicts.Where(static v => v.FailedYetStored).ToList();
        return new VerificationResult
        {
            Calls = input.Requests.Count,
            CallsWithoutIdentity = input.Requests.Count - identified.Count,
            OkdCalls = input.Requests.Count(static r => r.Accepted),
            FailedCalls = input.Requests.Count(static r => !r.Accepted),
            Okd = okd.Count,
            Acknowledged = okd.Count(static v => v.Outcome is DossierOutcome.Acknowledged or DossierOutcome.Late),
            LateAfterSeconds = input.LateAfter.TotalSeconds,
            GatewayChecked = gatewayChecked,
            GatewayComplete = input.GatewayComplete,
            AtGatewayNotSent = copies.Where(pair => !sentKeys.Contains(pair.Key)).Sum(static pair => pair.Value.Count),
            DrainSeconds = drainSeconds,
            DeadlineSeconds = deadlineSeconds,
            EffectiveDelayP50Seconds = Percentile(delays, 0.50),
            EffectiveDelayP99Seconds = Percentile(delays, 0.99),
            EffectiveDelayMaxSeconds = delays.Count == 0 ? null : Math.Round(delays[^1], 3),
            Late = okd.Where(static v => v.Outcome == DossierOutcome.Late).ToList(),
            Lost = okd.Where(static v => v.Outcome == DossierOutcome.Lost).ToList(),
            Duplicated = verdicts.Where(static v => v.Duplicated).ToList(),
            FailedYetStored = failedYetStored,
            StoredNotDelivered = failedYetStored.Where(static v => v.Outcome == DossierOutcome.Lost).ToList(),
            Mismatched = verdicts.Where(static v => v.Outcome == DossierOutcome.Mismatch).ToList(),
            Dossiers = verdicts,
        };
    }

    /// <summary>The time in [<paramref name="from"/>, <paramref name="to"/>] outside every disruption.</summary>
    public static TimeSpan Available(DateTimeOffset from, DateTimeOffset to, IReadOnlyList<Disruption> disruptions)
    {
        if (to <= from)
        {
            return TimeSpan.Zero;
        }

        var blocked = TimeSpan.Zero;
        foreach (var d in Merge(disruptions))
        {
            var start = d.From > from ? d.From : from;
            var end = d.To < to ? d.To : to;
            if (end > start)
            {
                blocked += end - start;
            }
        }

        return to - from - blocked;
    }

    private static DossierVerdict? Judge(DossierKey key, List<SentRequest> calls, VerificationInput input,
        Dictionary<DossierKey, List<GatewayCopy>> copiesByKey, bool gatewayChecked, IReadOnlyList<Disruption> disruptions,
        IReadOnlyList<DateTimeOffset> lifeEnds)
    {
        var firstOk = calls.FirstOrDefault(static r => r.Accepted);
        var okd = firstOk is not null;
        var version = firstOk?.Version ?? 0;
        var hub = input.Hub.GetValueOrDefault(new HubQuery(key.Facility, key.MaLk, version))
                  ?? new HubRecord(HubState.Unknown, 0, default, null, null, null, null);
        var copies = copiesByKey.GetValueOrDefault(key) ?? [];
        var storedHere = hub.State is not (HubState.Unknown or HubState.NotFound) && hub.Sha256 == key.Sha256;
        if (!okd && !storedHere && copies.Count == 0)
        {
            return null;
        }

        var at = okd ? firstOk!.CompletedAt : calls[0].CompletedAt;
        var trustGateway = gatewayChecked && (input.GatewayComplete || copies.Count > 0);
        var delivered = trustGateway ? copies.Count > 0 : hub.Acknowledged && hub.Sha256 == key.Sha256;
        DateTimeOffset? deliveredAt = copies.Count > 0 ? copies[0].ReceivedAt : delivered ? hub.ReceiptAt ?? hub.UpdatedAt : null;

        string? problem = null;
        if (delivered)
        {
            if (!hub.Acknowledged)
            {
                problem = $"the gateway received it but the hub says {hub.State}";
            }
            else if (hub.Sha256 != key.Sha256)
            {
                problem = "the hub holds other bytes than those sent";
            }
            else if (okd && hub.Version != version)
            {
                problem = $"the hub answered version {version} but describes version {hub.Version}";
            }
            else if (trustGateway && !copies.Any(c => string.Equals(c.MaGiaoDich, hub.Receipt, StringComparison.Ordinal)))
            {
                problem = $"the hub's receipt {hub.Receipt} is not one the gateway gave for these bytes";
            }
        }
        else if (hub.Acknowledged)
        {
            problem = $"the hub says acknowledged (receipt {hub.Receipt}) but the gateway never received these bytes";
        }

        double? delay = null;
        double? effective = null;
        if (deliveredAt is { } when)
        {
            delay = Math.Round(Math.Max(0, (when - at).TotalSeconds), 3);
            effective = Math.Round(Math.Max(0, Available(at, when, disruptions).TotalSeconds), 3);
        }

        var outcome = !delivered ? DossierOutcome.Lost
            : problem is not null ? DossierOutcome.Mismatch
            : effective > input.LateAfter.TotalSeconds ? DossierOutcome.Late
            : DossierOutcome.Acknowledged;
        return new DossierVerdict
        {
            Key = key,
            Version = version,
            Okd = okd,
            FailedYetStored = !okd,
            Calls = calls.Count,
            At = at,
            Outcome = outcome,
            DeliveredAt = deliveredAt,
            DelaySeconds = delay,
            EffectiveDelaySeconds = effective,
            GatewayCopies = copies.Count,
            CopiesAcrossRestart = copies.Count > 1 && copies.Zip(copies.Skip(1)).All(pair => Life(pair.First.ReceivedAt, lifeEnds) < Life(pair.Second.ReceivedAt, lifeEnds)),
            HubState = hub.State,
            HubLastError = hub.Acknowledged ? null : hub.LastError,
            Problem = problem,
        };
    }

    /// <summary>Which life of the hub an instant falls in: how many lives had ended before it.</summary>
    private static int Life(DateTimeOffset at, IReadOnlyList<DateTimeOffset> lifeEnds) => lifeEnds.Count(end => end < at);

    /// <summary>Disruptions sorted and merged where they overlap.</summary>
    private static List<Disruption> Merge(IReadOnlyList<Disruption> disruptions)
    {
        var merged = new List<Disruption>();
        foreach (var d in disruptions.Where(static d => d.To > d.From).OrderBy(static d => d.From))
        {
            if (merged.Count > 0 && d.From <= merged[^1].To)
            {
                var last = merged[^1];
                merged[^1] = last with { To = d.To > last.To ? d.To : last.To };
            }
            else
            {
                merged.Add(d);
            }
        }

        return merged;
    }

    private static double? Percentile(List<double> sorted, double quantile) =>
        sorted.Count == 0 ? null : Math.Round(sorted[Math.Clamp((int)Math.Ceiling(quantile * sorted.Count) - 1, 0, sorted.Count - 1)], 3);
}
