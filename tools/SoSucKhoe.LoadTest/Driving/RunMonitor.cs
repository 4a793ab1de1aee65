using System.Globalization;
using SoSucKhoe.LoadTest.Hub;
using SoSucKhoe.LoadTest.Outage;
using SoSucKhoe.LoadTest.Soak;

namespace SoSucKhoe.LoadTest.Driving;

/// <summary>
/// Runs beside a drive: once a second it closes an interval of the <see cref="IntervalSeries"/>, polls the gateway emulator
/// (acknowledged dossiers, for the chart and the outage drain), samples the tool's own GC and thread pool, writes a progress
/// line; every sample interval it reads the hub's resident memory.
/// </summary>
public sealed class RunMonitor(
    IntervalSeries series,
    LoadClock clock,
    TextWriter output,
    GatewayStatsReader? gateway,
    long gatewayBaseline,
    Func<long> hubAcceptedNew,
    Func<LoadStatistics?> current,
    int? hubPid,
    TimeSpan sampleInterval)
{
    private readonly List<GatewayPoint> _points = [];
    private readonly List<MemorySample> _memory = [];
    private readonly Lock _gate = new();
    private TimeSpan _origin;

    public IReadOnlyList<GatewayPoint> Points
    {
        get
        {
            lock (_gate)
            {
                return [.. _points];
            }
        }
    }

    public IReadOnlyList<MemorySample> Memory
    {
        get
        {
            lock (_gate)
            {
                return [.. _memory];
            }
        }
    }

    /// <summary>The last gateway poll, or null.</summary>
    public GatewayPoint? LastPoint
    {
        get
        {
            lock (_gate)
            {
                return _points.Count == 0 ? null : _points[^1];
            }
        }
    }

    /// <summary>Seconds since the monitor started.</summary>
    public double Now => (clock.Elapsed - _origin).TotalSeconds;

    public async Task RunAsync(CancellationToken stop)
    {
        _origin = clock.Elapsed;
        var tool = new ToolRuntimeSampler();
        var c = CultureInfo.InvariantCulture;
        var previousAck = 0L;
        var nextMemory = TimeSpan.Zero;
        SampleMemory(0);
        nextMemory += sampleInterval;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            while (await timer.WaitForNextTickAsync(stop).ConfigureAwait(false))
            {
                var at = Now;
                long? acknowledgedInSecond = null;
                if (gateway is not null)
                {
                    try
                    {
                        var counters = await gateway.ReadAsync(stop).ConfigureAwait(false);
                        var acknowledged = counters.Dossiers - gatewayBaseline;
                        acknowledgedInSecond = acknowledged - previousAck;
                        previousAck = acknowledged;
                        lock (_gate)
                        {
                            _points.Add(new GatewayPoint(Math.Round(at, 3), hubAcceptedNew(), acknowledged));
                        }
                    }
                    catch (HttpRequestException)
                    {
                        // The emulator did not answer this second; the next poll covers it.
                    }
                }

                var sample = series.Cut(at, acknowledgedInSecond, tool.Next());
                var statistics = current();
                var line = string.Create(c, $"[{at,7:F1}s] accepted +{sample.Accepted}/s failed +{sample.Failed} p99 {sample.P99Ms} ms");
                if (statistics is not null)
                {
                    line += string.Create(c, $" | sent {statistics.Sent} accepted {statistics.Accepted} failed {statistics.Failed} in-flight {statistics.InFlight}");
                }

                if (acknowledgedInSecond is { } ack)
                {
                    line += string.Create(c, $" | gateway +{ack}/s backlog {LastPoint?.Backlog}");
                }

                if (sample.ToolGcPauseMs > 0)
                {
                    line += string.Create(c, $" | tool GC {sample.ToolGcPauseMs} ms (gen2 {sample.ToolGen2Collections})");
                }

                await output.WriteLineAsync(line).ConfigureAwait(false);
                if (hubPid is not null && TimeSpan.FromSeconds(at) >= nextMemory)
                {
                    SampleMemory(at);
                    nextMemory += sampleInterval;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The run ended.
        }

        SampleMemory(Now);
    }

    private void SampleMemory(double at)
    {
        if (hubPid is { } pid && ProcessMemory.ReadRssMiB(pid) is { } rss)
        {
            lock (_gate)
            {
                _memory.Add(new MemorySample(Math.Round(at, 1), rss));
            }
        }
    }
}
