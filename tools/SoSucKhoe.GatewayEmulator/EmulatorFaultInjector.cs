namespace SoSucKhoe.GatewayEmulator;

/// <summary>The faults in force, changed at run time; reads are lock-free (an immutable snapshot swapped on change).</summary>
internal sealed class EmulatorFaultInjector
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _timeProvider;
    private volatile Snapshot _current = Snapshot.None;
    private int _failNext;

    public EmulatorFaultInjector(EmulatorFaultSettings initial, TimeProvider timeProvider)
    {
        _timeProvider = timeProvider;
        Reset(initial);
    }

    /// <summary>Puts the faults back to <paramref name="settings"/>.</summary>
    public void Reset(EmulatorFaultSettings settings)
    {
        var now = _timeProvider.GetUtcNow();
        DateTimeOffset? outageUntil = settings.OutageUntil;
        if (settings.OutageFor is { } duration && duration > TimeSpan.Zero)
        {
            var end = now + duration;
            outageUntil = outageUntil is { } until && until > end ? until : end;
        }

        lock (_gate)
        {
            _current = new Snapshot(
                Clamp(settings.Latency), Clamp(settings.Jitter), Rate(settings.ErrorRate), Rate(settings.RejectRate), outageUntil);
            Volatile.Write(ref _failNext, Math.Max(0, settings.FailNext));
        }
    }

    /// <summary>Applies a run-time change and returns the state in force after it.</summary>
    public EmulatorFaultState Apply(EmulatorFaultUpdate update)
    {
        lock (_gate)
        {
            var current = update.Clear == true ? Snapshot.None : _current;
            if (update.Clear == true)
            {
                Volatile.Write(ref _failNext, 0);
            }

            var now = _timeProvider.GetUtcNow();
            var outageUntil = current.OutageUntil;
            if (update.ClearOutage == true)
            {
                outageUntil = null;
            }

            if (update.OutageSeconds is { } seconds && seconds > 0)
            {
                outageUntil = now + TimeSpan.FromSeconds(seconds);
            }

            if (update.OutageUntil is { } until)
            {
                outageUntil = until;
            }

            _current = new Snapshot(
                update.LatencyMs is { } latency ? Clamp(TimeSpan.FromMilliseconds(latency)) : current.Latency,
                update.JitterMs is { } jitter ? Clamp(TimeSpan.FromMilliseconds(jitter)) : current.Jitter,
                update.ErrorRate is { } errorRate ? Rate(errorRate) : current.ErrorRate,
                update.RejectRate is { } rejectRate ? Rate(rejectRate) : current.RejectRate,
                outageUntil);
            if (update.FailNext is { } failNext)
            {
                Volatile.Write(ref _failNext, Math.Max(0, failNext));
            }

            return Describe();
        }
    }

    public EmulatorFaultState Describe()
    {
        var current = _current;
        var now = _timeProvider.GetUtcNow();
        return new EmulatorFaultState(
            current.Latency.TotalMilliseconds,
            current.Jitter.TotalMilliseconds,
            current.ErrorRate,
            current.RejectRate,
            Volatile.Read(ref _failNext),
            current.OutageUntil is { } until && until > now ? until : null);
    }

    /// <summary>True while an outage is in force.</summary>
    public bool InOutage() => _current.OutageUntil is { } until && until > _timeProvider.GetUtcNow();

    /// <summary>The delay to add to this request.</summary>
    public TimeSpan NextDelay()
    {
        var current = _current;
        if (current.Jitter <= TimeSpan.Zero)
        {
            return current.Latency;
        }

        return current.Latency + TimeSpan.FromTicks((long)(Random.Shared.NextDouble() * current.Jitter.Ticks));
    }

    /// <summary>True when this request must be answered HTTP 500 (a pending FailNext is consumed, or the error rate hits).</summary>
    public bool NextIsServerError()
    {
        while (true)
        {
            var pending = Volatile.Read(ref _failNext);
            if (pending <= 0)
            {
                break;
            }

            if (Interlocked.CompareExchange(ref _failNext, pending - 1, pending) == pending)
            {
                return true;
            }
        }

        var rate = _current.ErrorRate;
        return rate > 0 && Random.Shared.NextDouble() < rate;
    }

    /// <summary>True when this valid document must be refused with a business code.</summary>
    public bool NextIsRejected()
    {
        var rate = _current.RejectRate;
        return rate > 0 && Random.Shared.NextDouble() < rate;
    }

    private static TimeSpan Clamp(TimeSpan value) => value < TimeSpan.Zero ? TimeSpan.Zero : value;

    private static double Rate(double value) => double.IsNaN(value) ? 0 : Math.Clamp(value, 0, 1);

    private sealed record Snapshot(TimeSpan Latency, TimeSpan Jitter, double ErrorRate, double RejectRate, DateTimeOffset? OutageUntil)
    {
        public static readonly Snapshot None = new(TimeSpan.Zero, TimeSpan.Zero, 0, 0, null);
    }
}
