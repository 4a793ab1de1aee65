using Microsoft.Extensions.Logging;
using Orleans.Concurrency;
using Orleans.Serialization.Invocation;
using SoSucKhoe.Facilities;
using SoSucKhoe.Monitoring;

namespace SoSucKhoe.Grains.Monitoring;

/// <summary>
/// One facility's flow: adds the recorders' deltas, keeps 8 days of hourly buckets and every half-year's visit counts, pushes its
/// totals to the province aggregate of the facility's current province (read from the facility grain once per activation and
/// then every few minutes; the code's first two digits while the facility is unknown), and tells the facility grain when its
/// first dossier was acknowledged. A push that fails is logged; the next delta pushes the totals again.
/// </summary>
[MayInterleave(nameof(IsRead))]
public sealed partial class FacilityFlowGrain(
    [PersistentState("facility-flow", StorageNames.Main)] IPersistentState<FacilityFlowState> state,
    ReadinessClock clock,
    ILogger<FacilityFlowGrain> logger) : Grain, IFacilityFlowGrain
{
    private static readonly TimeSpan s_keep = TimeSpan.FromDays(8);
    private static readonly TimeSpan s_recent = TimeSpan.FromHours(24);
    private static readonly TimeSpan s_provinceRecheck = TimeSpan.FromMinutes(5);

    private string? _province;
    private DateTimeOffset _provinceReadAt;
    private bool _facilityTold;

    private FacilityFlowState Flow => state.State;

    /// <summary>Reads interleave with anything: the province aggregate asks for visits while this grain may be pushing to it.</summary>
    public static bool IsRead(IInvokable request) => request.GetMethodName() is nameof(GetFlow) or nameof(GetVisits);

    public async Task Apply(FlowDelta delta)
    {
        ArgumentNullException.ThrowIfNull(delta);
        var now = clock.GetUtcNow();
        Flow.Received += delta.Received;
        Flow.RefusedByHub += delta.RefusedByHub;
        Flow.Accepted += delta.Accepted;
        Flow.Forwarded += delta.Forwarded;
        Flow.Acknowledged += delta.Acknowledged;
        Flow.RejectedByGateway += delta.RejectedByGateway;
        Flow.LagTotalMilliseconds += delta.LagTotalMilliseconds;
        Flow.LagMaxMilliseconds = Math.Max(Flow.LagMaxMilliseconds, delta.LagMaxMilliseconds);
        if (delta.LastActivity is { } last && (Flow.LastActivity is null || last > Flow.LastActivity))
        {
            Flow.LastActivity = last;
        }

        foreach (var hour in delta.Hours)
        {
            Flow.Hours[hour.Hour] = Flow.Hours.TryGetValue(hour.Hour, out var held)
                ? held with { Received = held.Received + hour.Received, RefusedByHub = held.RefusedByHub + hour.RefusedByHub }
                : hour;
        }

        foreach (var stale in Flow.Hours.Keys.Where(h => h <= now - s_keep).ToArray())
        {
            Flow.Hours.Remove(stale);
        }

        foreach (var visit in delta.Visits)
        {
            var key = VisitKey(visit.Period, visit.CareType, visit.Insured);
            Flow.Visits[key] = Flow.Visits.TryGetValue(key, out var held)
                ? held with { Visits = held.Visits + visit.Visits, Interconnected = held.Interconnected + visit.Interconnected }
                : visit;
        }

        if (Flow.FirstAcknowledgedAt is null && Flow.Acknowledged > 0)
        {
            Flow.FirstAcknowledgedAt = now;
        }

        await state.WriteStateAsync();

        // The delta is durable: from here on nothing may fail the call (the recorder would count it twice).
        await TellFacilityAsync();
        await PushAsync(now);
    }

    public Task<FacilityFlow> GetFlow() => Task.FromResult(Compute(clock.GetUtcNow()));

    public Task<IReadOnlyList<VisitCount>> GetVisits(string period) =>
        Task.FromResult<IReadOnlyList<VisitCount>>(Flow.Visits.Values.Where(v => v.Period == period)
            .OrderBy(v => v.CareType).ThenByDescending(v => v.Insured).ToArray());

    private FacilityFlow Compute(DateTimeOffset now)
    {
        var code = this.GetPrimaryKeyString();
        var currentHour = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerHour), TimeSpan.Zero);
        long recentReceived = 0, recentRefused = 0, baselineReceived = 0, baselineRefused = 0;
        foreach (var (hour, count) in Flow.Hours)
        {
            if (hour > currentHour || hour <= currentHour - s_keep)
            {
                continue;
            }

            if (hour > currentHour - s_recent)
            {
                recentReceived += count.Received;
                recentRefused += count.RefusedByHub;
            }
            else
            {
                baselineReceived += count.Received;
                baselineRefused += count.RefusedByHub;
            }
        }

        var backlog = Math.Max(0, Flow.Accepted - Flow.Acknowledged - Flow.RejectedByGateway);
        var averageLag = Flow.Acknowledged == 0 ? 0 : (double)Flow.LagTotalMilliseconds / Flow.Acknowledged;
        return new FacilityFlow(code, Flow.Received, Flow.RefusedByHub, Flow.Accepted, Flow.Forwarded, Flow.Acknowledged,
            Flow.RejectedByGateway, backlog, averageLag, Flow.LagMaxMilliseconds, Flow.LastActivity, recentReceived, recentRefused,
            baselineReceived, baselineRefused);
    }

    private async Task TellFacilityAsync()
    {
        if (_facilityTold || Flow.FirstAcknowledgedAt is not { } first)
        {
            return;
        }

        try
        {
            await GrainFactory.GetGrain<IFacilityGrain>(this.GetPrimaryKeyString()).OnDossierAcknowledged(first);
            _facilityTold = true;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogFacilityFailed(logger, exception, this.GetPrimaryKeyString());
        }
    }

    private async Task PushAsync(DateTimeOffset now)
    {
        var code = this.GetPrimaryKeyString();
        try
        {
            if (_province is null || now - _provinceReadAt > s_provinceRecheck)
            {
                var view = await GrainFactory.GetGrain<IFacilityGrain>(code).GetView();
                _province = view?.ProvinceCode is { Length: > 0 } province ? province : code.Length >= 2 ? code[..2] : code;
                _provinceReadAt = now;
            }

            await GrainFactory.GetGrain<IProvinceReadinessGrain>(_province).UpdateFlow(Compute(now));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogPushFailed(logger, exception, code);
        }
    }

    private static string VisitKey(string period, CareType careType, bool insured) => $"{period}|{(int)careType}|{(insured ? 1 : 0)}";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Flow of facility {FacilityCode}: pushing the totals to the province failed")]
    private static partial void LogPushFailed(ILogger logger, Exception exception, string facilityCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Flow of facility {FacilityCode}: telling the facility of its first acknowledgment failed")]
    private static partial void LogFacilityFailed(ILogger logger, Exception exception, string facilityCode);
}
