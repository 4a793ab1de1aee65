using HdrHistogram;

namespace SoSucKhoe.LoadTest.Reporting;

/// <summary>A thread-safe HdrHistogram of latencies, recorded in microseconds (3 significant digits, up to one hour).</summary>
public sealed class LatencyHistogram
{
    private const long HighestMicroseconds = 3_600_000_000;
    private readonly Lock _gate = new();
    private readonly LongHistogram _histogram = new(HighestMicroseconds, 3);

    public void Record(TimeSpan latency)
    {
        var micros = Math.Clamp(latency.Ticks / (TimeSpan.TicksPerMillisecond / 1000), 0, HighestMicroseconds);
        lock (_gate)
        {
            _histogram.RecordValue(micros);
        }
    }

    public long Count
    {
        get
        {
            lock (_gate)
            {
                return _histogram.TotalCount;
            }
        }
    }

    public LatencySummary Summarize()
    {
        lock (_gate)
        {
            if (_histogram.TotalCount == 0)
            {
                return LatencySummary.Empty;
            }

            return new LatencySummary(
                _histogram.TotalCount,
                Millis(_histogram.GetValueAtPercentile(50)),
                Millis(_histogram.GetValueAtPercentile(95)),
                Millis(_histogram.GetValueAtPercentile(99)),
                Millis(_histogram.GetMaxValue()),
                Math.Round(_histogram.GetMean() / 1000.0, 3));
        }
    }

    private static double Millis(long micros) => Math.Round(micros / 1000.0, 3);
}
