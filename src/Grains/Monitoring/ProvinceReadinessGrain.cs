using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using Orleans.Serialization.Invocation;
using Orleans.Streams;
using SoSucKhoe.Facilities;
using SoSucKhoe.Forwarding;
using SoSucKhoe.Monitoring;

namespace SoSucKhoe.Grains.Monitoring;

/// <summary>
/// The readiness aggregate of one province. Counts are recomputed from the held snapshots on every read, so they are exact
/// whatever order updates arrive in. Each update that changes a facility's state or met conditions (and each removal) is a
/// change: its sequence number is persisted with the snapshot, then it is published on the province's readiness stream and kept
/// in memory, one change at a time, in order. Flows are kept in memory only: flow grains push them, and after an activation the
/// aggregate asks the flow grains of its facilities (in the background; a pushed flow always wins).
/// Phase 1 counts a facility complete when its snapshot says so (ready, live, or suspended by the province after completing it;
/// a facility that lost its certificate is not complete); its denominator is the facilities with an insured-care contract.
/// Phase 2 counts every facility.
/// </summary>
[MayInterleave(nameof(Interleaves))]
public sealed partial class ProvinceReadinessGrain(
    [PersistentState("province-readiness", StorageNames.Main)] IPersistentState<ProvinceReadinessState> state,
    IOptions<ReadinessOptions> options,
    ReadinessClock clock,
    ILogger<ProvinceReadinessGrain> logger) : Grain, IProvinceReadinessGrain
{
    private const int RefreshParallelism = 16;

    private readonly ReadinessOptions _options = options.Value;
    private readonly Dictionary<string, FacilityFlow> _flows = new(StringComparer.Ordinal);
    private readonly LinkedList<ReadinessChange> _changes = new();
    private IAsyncStream<ReadinessChange>? _stream;

    private ProvinceReadinessState Province => state.State;

    /// <summary>
    /// Requests that call facility or flow grains (which may be waiting on this grain) interleave, so they cannot deadlock; they
    /// copy what they need from this grain's state before their first await and never change it.
    /// </summary>
    public static bool Interleaves(IInvokable request) => request.GetMethodName() is nameof(RefreshAll) or nameof(GetSemiannualReport);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _stream = this.GetStreamProvider(StreamNames.Provider)
            .GetStream<ReadinessChange>(StreamId.Create(StreamNames.ReadinessNamespace, this.GetPrimaryKeyString()));
        this.RegisterGrainTimer(_ => SweepAsync(), new GrainTimerCreationOptions
        {
            DueTime = _options.SweepInterval,
            Period = _options.SweepInterval,
            Interleave = true,
        });
        KeepAlive();
        _ = LoadFlowsAsync(Province.Facilities.Keys.ToArray());
        return Task.CompletedTask;
    }

    public async Task Update(FacilitySnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var code = snapshot.FacilityCode;
        Province.Facilities.TryGetValue(code, out var held);
        if ((held is not null && held.Revision >= snapshot.Revision)
            || (Province.Removed.TryGetValue(code, out var removedAt) && removedAt >= snapshot.Revision))
        {
            return;
        }

        Province.Facilities[code] = snapshot;
        Province.Removed.Remove(code);
        ReadinessChange? change = null;
        if (held is null || held.State != snapshot.State || !held.Met.SequenceEqual(snapshot.Met))
        {
            change = new ReadinessChange(++Province.Sequence, clock.GetUtcNow(), code, snapshot.DistrictCode,
                held?.State ?? ReadinessState.Unspecified, snapshot.State, snapshot.Met, Describe(held, snapshot));
        }

        await state.WriteStateAsync();
        KeepAlive();
        if (change is not null)
        {
            await PublishAsync(change);
        }
    }

    public async Task Remove(string facilityCode, long revision)
    {
        ArgumentException.ThrowIfNullOrEmpty(facilityCode);
        if (!Province.Facilities.TryGetValue(facilityCode, out var held) || held.Revision >= revision)
        {
            return;
        }

        Province.Facilities.Remove(facilityCode);
        Province.Removed[facilityCode] = revision;
        _flows.Remove(facilityCode);
        var change = new ReadinessChange(++Province.Sequence, clock.GetUtcNow(), facilityCode, held.DistrictCode, held.State,
            ReadinessState.Unspecified, [], "Moved to another province");
        await state.WriteStateAsync();
        await PublishAsync(change);
    }

    public Task UpdateFlow(FacilityFlow flow)
    {
        ArgumentNullException.ThrowIfNull(flow);
        _flows[flow.FacilityCode] = flow;
        return Task.CompletedTask;
    }

    public Task<ProvinceReadiness> GetReadiness()
    {
        var snapshots = Province.Facilities.Values;
        var districts = snapshots.GroupBy(s => s.DistrictCode ?? string.Empty, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Count(g.Key, g.ToList()))
            .ToArray();
        var communes = snapshots.GroupBy(s => s.CommuneCode ?? string.Empty, StringComparer.Ordinal)
            .OrderBy(g => g.Key.Length == 0 ? 1 : 0).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Count(null, g.ToList()) with { CommuneCode = g.Key })
            .ToArray();
        var insured = snapshots.Where(s => s.InsuredCareContract).ToList();
        var phases = new[]
        {
            Phase(1, _options.Phase1Deadline, _options.Phase1Target, insured.Count(s => s.Phase1Complete), insured.Count),
            Phase(2, _options.Phase2Deadline, _options.Phase2Target, snapshots.Count(s => s.Phase2Complete), snapshots.Count),
        };
        return Task.FromResult(new ProvinceReadiness(this.GetPrimaryKeyString(), Count(null, snapshots.ToList()), districts, phases,
            Province.Sequence, clock.GetUtcNow(), communes));
    }

    public Task<IReadOnlyList<FacilitySnapshot>> ListFacilities(FacilityFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        IEnumerable<FacilitySnapshot> matches = Province.Facilities.Values;
        if (filter.DistrictCode is { } district)
        {
            matches = matches.Where(s => (s.DistrictCode ?? string.Empty) == district);
        }

        if (filter.CommuneCode is { } commune)
        {
            matches = matches.Where(s => (s.CommuneCode ?? string.Empty) == commune);
        }

        if (filter.State is { } wanted)
        {
            matches = matches.Where(s => s.State == wanted);
        }

        if (filter.MissingCondition is { } missing)
        {
            matches = matches.Where(s => !s.Met.Contains(missing));
        }

        return Task.FromResult<IReadOnlyList<FacilitySnapshot>>(matches.OrderBy(s => s.FacilityCode, StringComparer.Ordinal).ToArray());
    }

    public Task<IReadOnlyList<FacilityFlow>> GetFlows(string? facilityCode)
    {
        var codes = facilityCode is not null
            ? [facilityCode]
            : Province.Facilities.Keys.Union(_flows.Keys, StringComparer.Ordinal).ToArray();
        var flows = codes
            .Where(c => Province.Facilities.ContainsKey(c) || _flows.ContainsKey(c))
            .Order(StringComparer.Ordinal)
            .Select(c => _flows.TryGetValue(c, out var flow) ? flow : FacilityFlow.Empty(c))
            .ToArray();
        return Task.FromResult<IReadOnlyList<FacilityFlow>>(flows);
    }

    public Task<IReadOnlyList<ReadinessAlert>> GetAlerts()
    {
        var now = clock.GetUtcNow();
        var alerts = new List<ReadinessAlert>();
        var silentAfter = TimeSpan.FromHours(_options.SilentAfterWorkingHours);
        var jump = _options.RejectionJump;
        foreach (var snapshot in Province.Facilities.Values.OrderBy(s => s.FacilityCode, StringComparer.Ordinal))
        {
            _flows.TryGetValue(snapshot.FacilityCode, out var flow);
            if (snapshot.State == ReadinessState.Live)
            {
                var last = flow?.LastActivity ?? snapshot.UpdatedAt;
                var silent = WorkingHours.Between(last, now, _options);
                if (silent >= silentAfter)
                {
                    alerts.Add(new ReadinessAlert(AlertKind.Silent, snapshot.FacilityCode, snapshot.DistrictCode,
                        $"No dossier for {silent.TotalHours:0.#} working hours (since {last.ToOffset(_options.LocalOffset):yyyy-MM-dd HH:mm})", last));
                }
            }

            if (snapshot.EarliestCertificateExpiry is { } expiry && expiry > now
                && expiry - now <= TimeSpan.FromDays(_options.CertificateExpiryWarningDays))
            {
                alerts.Add(new ReadinessAlert(AlertKind.CertificateExpiring, snapshot.FacilityCode, snapshot.DistrictCode,
                    $"A signing certificate expires on {expiry.ToOffset(_options.LocalOffset):yyyy-MM-dd HH:mm}",
                    expiry - TimeSpan.FromDays(_options.CertificateExpiryWarningDays)));
            }

            if (flow is { RecentReceived: > 0 } && flow.RecentReceived >= jump.MinSamples)
            {
                var recentRate = (double)flow.RecentRefused / flow.RecentReceived;
                var baselineRate = flow.BaselineReceived == 0 ? 0 : (double)flow.BaselineRefused / flow.BaselineReceived;
                if (recentRate >= jump.MinRate && recentRate >= jump.Factor * baselineRate)
                {
                    alerts.Add(new ReadinessAlert(AlertKind.RejectionRateJump, snapshot.FacilityCode, snapshot.DistrictCode,
                        $"The hub refused {recentRate:P0} of {flow.RecentReceived} dossiers in the last 24 hours (baseline {baselineRate:P0})",
                        now - TimeSpan.FromHours(24)));
                }
            }
        }

        return Task.FromResult<IReadOnlyList<ReadinessAlert>>(alerts);
    }

    public Task<IReadOnlyList<ReadinessChange>> GetChangesSince(long sequence) =>
        Task.FromResult<IReadOnlyList<ReadinessChange>>(_changes.Where(c => c.Sequence > sequence).ToArray());

    public async Task<SemiannualReport> GetSemiannualReport(string period)
    {
        if (!ReportPeriods.IsValid(period))
        {
            throw new ArgumentException($"'{period}' is not a half-year period such as 2025-H1.", nameof(period));
        }

        var facilities = Province.Facilities.Values.OrderBy(s => s.FacilityCode, StringComparer.Ordinal)
            .Select(s => (s.FacilityCode, s.Name, s.CommuneCode, s.DistrictCode)).ToArray();
        var visits = await Task.WhenAll(facilities.Select(f => GrainFactory.GetGrain<IFacilityFlowGrain>(f.FacilityCode).GetVisits(period)));
        var careTypes = Enum.GetValues<CareType>().Where(c => c != CareType.Unspecified).ToArray();
        var lines = new List<SemiannualLine>((facilities.Length + 1) * careTypes.Length * 2);
        var totals = new Dictionary<(CareType, bool), (long Visits, long Interconnected)>();
        for (var i = 0; i < facilities.Length; i++)
        {
            foreach (var careType in careTypes)
            {
                foreach (var insured in new[] { true, false })
                {
                    long count = 0, interconnected = 0;
                    foreach (var visit in visits[i])
                    {
                        if (visit.Period == period && visit.CareType == careType && visit.Insured == insured)
                        {
                            count += visit.Visits;
                            interconnected += visit.Interconnected;
                        }
                    }

                    lines.Add(new SemiannualLine(facilities[i].FacilityCode, facilities[i].Name, careType, insured, count, interconnected,
                        facilities[i].CommuneCode, facilities[i].DistrictCode));
                    var total = totals.GetValueOrDefault((careType, insured));
                    totals[(careType, insured)] = (total.Visits + count, total.Interconnected + interconnected);
                }
            }
        }

        foreach (var careType in careTypes)
        {
            foreach (var insured in new[] { true, false })
            {
                var total = totals.GetValueOrDefault((careType, insured));
                lines.Add(new SemiannualLine(null, null, careType, insured, total.Visits, total.Interconnected));
            }
        }

        return new SemiannualReport(this.GetPrimaryKeyString(), period, lines, clock.GetUtcNow(),
            SumBy(lines, l => l.CommuneCode, (l, key) => l with { CommuneCode = key }),
            SumBy(lines, l => l.DistrictCode, (l, key) => l with { DistrictCode = key }));
    }

    /// <summary>
    /// The facility lines summed per group (today's commune, or the former district), groups ordered by code with the facilities
    /// of no known group last under an empty code; each group has every care type, insured and not.
    /// </summary>
    private static SemiannualLine[] SumBy(List<SemiannualLine> lines, Func<SemiannualLine, string?> key,
        Func<SemiannualLine, string, SemiannualLine> label) =>
        lines.Where(l => l.FacilityCode is not null)
            .GroupBy(l => (Group: key(l) ?? string.Empty, l.CareType, l.Insured))
            .OrderBy(g => g.Key.Group.Length == 0 ? 1 : 0).ThenBy(g => g.Key.Group, StringComparer.Ordinal)
            .ThenBy(g => g.Key.CareType).ThenBy(g => g.Key.Insured ? 0 : 1)
            .Select(g => label(new SemiannualLine(null, null, g.Key.CareType, g.Key.Insured, g.Sum(l => l.Visits), g.Sum(l => l.Interconnected)),
                g.Key.Group))
            .ToArray();

    public async Task RefreshAll()
    {
        var codes = Province.Facilities.Keys.Order(StringComparer.Ordinal).ToArray();
        foreach (var chunk in codes.Chunk(RefreshParallelism))
        {
            await Task.WhenAll(chunk.Select(RefreshOneAsync));
        }
    }

    private async Task RefreshOneAsync(string code)
    {
        try
        {
            await GrainFactory.GetGrain<IFacilityGrain>(code).Refresh();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogRefreshFailed(logger, exception, code);
        }
    }

    private async Task SweepAsync()
    {
        KeepAlive();
        await RefreshAll();
    }

    /// <summary>While it holds facilities, the aggregate stays active so that its sweep keeps running.</summary>
    private void KeepAlive()
    {
        if (Province.Facilities.Count > 0)
        {
            DelayDeactivation(_options.SweepInterval * 3);
        }
    }

    private async Task PublishAsync(ReadinessChange change)
    {
        _changes.AddLast(change);
        while (_changes.Count > _options.ChangeLogCapacity)
        {
            _changes.RemoveFirst();
        }

        try
        {
            await _stream!.OnNextAsync(change);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogPublishFailed(logger, exception, this.GetPrimaryKeyString(), change.Sequence);
        }
    }

    private async Task LoadFlowsAsync(string[] codes)
    {
        foreach (var chunk in codes.Chunk(RefreshParallelism))
        {
            var flows = await Task.WhenAll(chunk.Select(async code =>
            {
                try
                {
                    return await GrainFactory.GetGrain<IFacilityFlowGrain>(code).GetFlow();
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    LogRefreshFailed(logger, exception, code);
                    return null;
                }
            }));
            foreach (var flow in flows)
            {
                // A flow pushed meanwhile is newer than the one read here.
                if (flow is not null && Province.Facilities.ContainsKey(flow.FacilityCode))
                {
                    _flows.TryAdd(flow.FacilityCode, flow);
                }
            }
        }
    }

    private ReadinessCounts Count(string? district, List<FacilitySnapshot> snapshots)
    {
        var byState = Enum.GetValues<ReadinessState>().Where(s => s != ReadinessState.Unspecified).ToDictionary(s => s, _ => 0);
        var byCondition = ReadinessConditions.All.ToDictionary(c => c, _ => 0);
        int phase1 = 0, phase2 = 0;
        long received = 0, refused = 0, accepted = 0, forwarded = 0, acknowledged = 0, rejected = 0, backlog = 0;
        foreach (var snapshot in snapshots)
        {
            byState[snapshot.State] = byState.GetValueOrDefault(snapshot.State) + 1;
            foreach (var condition in snapshot.Met)
            {
                byCondition[condition] = byCondition.GetValueOrDefault(condition) + 1;
            }

            phase1 += snapshot.Phase1Complete ? 1 : 0;
            phase2 += snapshot.Phase2Complete ? 1 : 0;
            if (_flows.TryGetValue(snapshot.FacilityCode, out var flow))
            {
                received += flow.Received;
                refused += flow.RefusedByHub;
                accepted += flow.Accepted;
                forwarded += flow.Forwarded;
                acknowledged += flow.Acknowledged;
                rejected += flow.RejectedByGateway;
                backlog += flow.Backlog;
            }
        }

        return new ReadinessCounts(district, snapshots.Count, byState, byCondition, phase1, phase2,
            new FlowTotals(received, refused, accepted, forwarded, acknowledged, rejected, backlog));
    }

    private static PhaseProgress Phase(int phase, DateOnly deadline, double target, int complete, int facilities) =>
        new(phase, deadline, target, complete, facilities, facilities > 0 && complete >= Math.Ceiling((target * facilities) - 1e-9));

    private static string Describe(FacilitySnapshot? held, FacilitySnapshot snapshot)
    {
        if (held is null)
        {
            return $"Facility added ({snapshot.State})";
        }

        var parts = new List<string>(3);
        if (held.State != snapshot.State)
        {
            parts.Add($"{held.State} → {snapshot.State}");
        }

        var gained = snapshot.Met.Except(held.Met).ToArray();
        var lost = held.Met.Except(snapshot.Met).ToArray();
        if (gained.Length > 0)
        {
            parts.Add($"met {string.Join(", ", gained)}");
        }

        if (lost.Length > 0)
        {
            parts.Add($"no longer met {string.Join(", ", lost)}");
        }

        return parts.Count == 0 ? "Conditions reordered" : string.Join("; ", parts);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Province {ProvinceCode}: publishing change {Sequence} failed")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception, string provinceCode, long sequence);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Province aggregate: calling facility {FacilityCode} failed")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception, string facilityCode);
}
