using HdrHistogram;

namespace SoSucKhoe.LoadTest.Driving;

/// <summary>
/// Latency and outcome per interval (the interval-histogram pattern): calls are recorded into the current interval, and
/// <see cref="Cut"/> closes it into a <see cref="TimeSample"/> and starts the next one. One histogram is reused, so an hours-long
/// run keeps only the small samples. Thread-safe.
/// </summary>
public sealed class IntervalSeries
{
    private const long HighestMicroseconds = 3_600_000_000;
    private readonly Lock _gate = new();
    private readonly LongHistogram _current = new(HighestMicroseconds, 3);
    private readonly List<TimeSample> _samples = [];
    private long _accepted;
    private long _failed;
    private double _lastCut;

    /// <summary>The closed intervals, oldest first.</summary>
    public IReadOnlyList<TimeSample> Samples
    {
        get
        {
            lock (_gate)
            {
                return [.. _samples];
            }
        }
    }

    public void Record(TimeSpan latency, bool accepted)
    {
        var micros = Math.Clamp(latency.Ticks / (TimeSpan.TicksPerMillisecond / 1000), 0, HighestMicroseconds);
        lock (_gate)
        {
            _current.RecordValue(micros);
            if (accepted)
            {
                _accepted++;
            }
            else
            {
                _failed++;
            }
        }
    }

    /// <summary>
    /// Closes the interval that ends at <paramref name="atSeconds"/> (from the start of the run) and returns it, with the
    /// gateway's acknowledgements and the tool's own runtime over the interval when given.
    /// </summary>
    public TimeSample Cut(double atSeconds, long? gatewayAcknowledged = null, ToolRuntimeSample? tool = null)
    {
        lock (_gate)
        {
            var count = _current.TotalCount;
            var sample = new TimeSample(
                Math.Round(atSeconds, 3),
                Math.Round(Math.Max(0, atSeconds - _lastCut), 3),
                _accepted,
                _failed,
                count == 0 ? 0 : Millis(_current.GetValueAtPercentile(50)),
                count == 0 ? 0 : Millis(_current.GetValueAtPercentile(99)),
                count == 0 ? 0 : Millis(_current.GetMaxValue()))
            {
                GatewayAcknowledged = gatewayAcknowledged,
                ToolGcPauseMs = tool?.GcPauseMs,
                ToolGen0Collections = tool?.Gen0Collections,
                ToolGen1Collections = tool?.Gen1Collections,
                ToolGen2Collections = tool?.Gen2Collections,
                ToolThreadPoolThreads = tool?.ThreadPoolThreads,
                ToolThreadPoolQueue = tool?.ThreadPoolQueue,
            };
            _samples.Add(sample);
            _current.Reset();
            _accepted = 0;
            _failed = 0;
            _lastCut = atSeconds;
            return sample;
        }
    }

    private static double Millis(long micros) => Math.Round(micros / 1000.0, 3);
}
