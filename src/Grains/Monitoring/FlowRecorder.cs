using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SoSucKhoe.Facilities;
using SoSucKhoe.Monitoring;

namespace SoSucKhoe.Grains.Monitoring;

/// <summary>
/// The silo's <see cref="IFlowRecorder"/>: per-facility counters behind a per-facility lock (no global lock on the hot path),
/// flushed every <see cref="MonitoringOptions.FlushInterval"/> and when the silo stops to <see cref="IFacilityFlowGrain.Apply"/>.
/// A flush that fails puts its delta back, so nothing is lost while the silo runs.
/// </summary>
public sealed partial class FlowRecorder(
    IGrainFactory grains,
    IOptions<MonitoringOptions> monitoring,
    IOptions<ReadinessOptions> readiness,
    ReadinessClock clock,
    TimeProvider time,
    ILogger<FlowRecorder> logger) : IFlowRecorder, ILifecycleParticipant<ISiloLifecycle>, IDisposable
{
    private readonly ConcurrentDictionary<string, Counters> _facilities = new(StringComparer.Ordinal);
    private readonly MonitoringOptions _monitoring = monitoring.Value;
    private readonly TimeSpan _localOffset = readiness.Value.LocalOffset;
    private readonly SemaphoreSlim _flushing = new(1, 1);
    private CancellationTokenSource? _stopping;
    private Task? _loop;
    private int _disposed;

    /// <inheritdoc />
    public void Received(string facilityCode)
    {
        var now = clock.GetUtcNow();
        var counters = For(facilityCode);
        lock (counters)
        {
            counters.Received++;
            counters.LastActivity = counters.LastActivity is { } last && last > now ? last : now;
            counters.Hour(now).Received++;
        }
    }

    /// <inheritdoc />
    public void RefusedByHub(string facilityCode)
    {
        var now = clock.GetUtcNow();
        var counters = For(facilityCode);
        lock (counters)
        {
            counters.RefusedByHub++;
            counters.Hour(now).Refused++;
        }
    }

    /// <inheritdoc />
    public void Accepted(string facilityCode, VisitFacts? newVisit)
    {
        var counters = For(facilityCode);
        lock (counters)
        {
            counters.Accepted++;
            if (newVisit is { } visit)
            {
                counters.Visit(Key(visit)).Visits++;
            }
        }
    }

    /// <inheritdoc />
    public void Forwarded(string facilityCode)
    {
        var counters = For(facilityCode);
        lock (counters)
        {
            counters.Forwarded++;
        }
    }

    /// <inheritdoc />
    public void Acknowledged(string facilityCode, TimeSpan lag, VisitFacts? firstForEpisode)
    {
        var milliseconds = Math.Max(0, (long)lag.TotalMilliseconds);
        var counters = For(facilityCode);
        lock (counters)
        {
            counters.Acknowledged++;
            counters.LagTotal += milliseconds;
            counters.LagMax = Math.Max(counters.LagMax, milliseconds);
            if (firstForEpisode is { } visit)
            {
                counters.Visit(Key(visit)).Interconnected++;
            }
        }
    }

    /// <inheritdoc />
    public void RejectedByGateway(string facilityCode)
    {
        var counters = For(facilityCode);
        lock (counters)
        {
            counters.RejectedByGateway++;
        }
    }

    /// <summary>Sends every facility's pending counts to its flow grain now; a failed facility keeps its counts for the next flush.</summary>
    public async Task FlushAsync()
    {
        await _flushing.WaitAsync();
        try
        {
            var pending = new List<Task>();
            foreach (var (code, counters) in _facilities)
            {
                FlowDelta? delta;
                lock (counters)
                {
                    delta = counters.Take();
                }

                if (delta is not null)
                {
                    pending.Add(SendAsync(code, counters, delta));
                }
            }

            await Task.WhenAll(pending);
        }
        finally
        {
            _flushing.Release();
        }
    }

    /// <inheritdoc />
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(FlowRecorder), ServiceLifecycleStage.Active, StartAsync, StopAsync);

    /// <inheritdoc />
    public void Dispose()
    {
        // The container may dispose the recorder once per registration (it is also IFlowRecorder and a lifecycle participant).
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _stopping?.Cancel();
        _stopping?.Dispose();
        _flushing.Dispose();
    }

    private Task StartAsync(CancellationToken cancellationToken)
    {
        _stopping = new CancellationTokenSource();
        _loop = RunAsync(_stopping.Token);
        return Task.CompletedTask;
    }

    private async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_stopping is { } stopping)
        {
            await stopping.CancelAsync();
        }

        if (_loop is { } loop)
        {
            await loop;
        }

        try
        {
            await FlushAsync();
        }
        catch (Exception exception)
        {
            LogFlushFailed(logger, exception, "*");
        }
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(_monitoring.FlushInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                try
                {
                    await FlushAsync();
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    LogFlushFailed(logger, exception, "*");
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The silo stops: the final flush follows.
        }
    }

    private async Task SendAsync(string code, Counters counters, FlowDelta delta)
    {
        try
        {
            await grains.GetGrain<IFacilityFlowGrain>(code).Apply(delta);
        }
        catch (Exception exception)
        {
            lock (counters)
            {
                counters.Restore(delta);
            }

            LogFlushFailed(logger, exception, code);
        }
    }

    private Counters For(string facilityCode) => _facilities.GetOrAdd(facilityCode, static _ => new Counters());

    private VisitKey Key(VisitFacts visit) =>
        new(ReportPeriods.Of(visit.EpisodeEnd, _localOffset), _monitoring.CareTypeOf(visit.VisitType), visit.Insured);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Flushing flow counts of facility {FacilityCode} failed; they stay queued")]
    private static partial void LogFlushFailed(ILogger logger, Exception exception, string facilityCode);

    private readonly record struct VisitKey(string Period, CareType CareType, bool Insured);

    private sealed class Tally
    {
        public long Visits;
        public long Interconnected;
        public long Received;
        public long Refused;
    }

    /// <summary>One facility's counts since the last flush; guarded by locking the instance.</summary>
    private sealed class Counters
    {
        public long Received;
        public long RefusedByHub;
        public long Accepted;
        public long Forwarded;
        public long Acknowledged;
        public long RejectedByGateway;
        public long LagTotal;
        public long LagMax;
        public DateTimeOffset? LastActivity;
        private Dictionary<VisitKey, Tally>? _visits;
        private Dictionary<DateTimeOffset, Tally>? _hours;

        public Tally Visit(VisitKey key)
        {
            _visits ??= [];
            if (!_visits.TryGetValue(key, out var tally))
            {
                _visits[key] = tally = new Tally();
            }

            return tally;
        }

        public Tally Hour(DateTimeOffset at)
        {
            var hour = new DateTimeOffset(at.UtcTicks - (at.UtcTicks % TimeSpan.TicksPerHour), TimeSpan.Zero);
            _hours ??= [];
            if (!_hours.TryGetValue(hour, out var tally))
            {
                _hours[hour] = tally = new Tally();
            }

            return tally;
        }

        /// <summary>The counts as a delta, and zero; null when nothing happened.</summary>
        public FlowDelta? Take()
        {
            if (Received == 0 && RefusedByHub == 0 && Accepted == 0 && Forwarded == 0 && Acknowledged == 0 && RejectedByGateway == 0
                && _visits is not { Count: > 0 } && _hours is not { Count: > 0 })
            {
                return null;
            }

            var visits = _visits is null
                ? []
                : _visits.Select(v => new VisitCount(v.Key.Period, v.Key.CareType, v.Key.Insured, v.Value.Visits, v.Value.Interconnected)).ToArray();
            var hours = _hours is null
                ? []
                : _hours.Select(h => new HourCount(h.Key, h.Value.Received, h.Value.Refused)).ToArray();
            var delta = new FlowDelta(Received, RefusedByHub, Accepted, Forwarded, Acknowledged, RejectedByGateway, LagTotal, LagMax,
                LastActivity, visits, hours);
            Received = RefusedByHub = Accepted = Forwarded = Acknowledged = RejectedByGateway = LagTotal = LagMax = 0;
            LastActivity = null;
            _visits?.Clear();
            _hours?.Clear();
            return delta;
        }

        /// <summary>Puts back a delta whose flush failed.</summary>
        public void Restore(FlowDelta delta)
        {
            Received += delta.Received;
            RefusedByHub += delta.RefusedByHub;
            Accepted += delta.Accepted;
            Forwarded += delta.Forwarded;
            Acknowledged += delta.Acknowledged;
            RejectedByGateway += delta.RejectedByGateway;
            LagTotal += delta.LagTotalMilliseconds;
            LagMax = Math.Max(LagMax, delta.LagMaxMilliseconds);
            if (delta.LastActivity is { } last && (LastActivity is null || last > LastActivity))
            {
                LastActivity = last;
            }

            foreach (var visit in delta.Visits)
            {
                var tally = Visit(new VisitKey(visit.Period, visit.CareType, visit.Insured));
                tally.Visits += visit.Visits;
                tally.Interconnected += visit.Interconnected;
            }

            foreach (var hour in delta.Hours)
            {
                var tally = Hour(hour.Hour);
                tally.Received += hour.Received;
                tally.Refused += hour.RefusedByHub;
            }
        }
    }
}
