namespace SoSucKhoe.TraceSummary;

/// <summary>Count, total and distribution of GC pauses over a trace.</summary>
public sealed record GcPauseSummary(int Count, double TotalMilliseconds, double MedianMilliseconds, double MaxMilliseconds, double SpanSeconds)
{
    /// <summary>Pauses per second of trace.</summary>
    public double PerSecond => SpanSeconds <= 0 ? 0 : Count / SpanSeconds;

    /// <summary>Share of wall-clock time the threads were stopped.</summary>
    public double PausedShare => SpanSeconds <= 0 ? 0 : TotalMilliseconds / (SpanSeconds * 1000);

    /// <summary>Summarises <paramref name="pauses"/> over a trace of <paramref name="spanSeconds"/>.</summary>
    public static GcPauseSummary Of(IReadOnlyList<GcPause> pauses, double spanSeconds)
    {
        ArgumentNullException.ThrowIfNull(pauses);
        if (pauses.Count == 0)
        {
            return new GcPauseSummary(0, 0, 0, 0, spanSeconds);
        }

        var sorted = pauses.Select(p => p.Milliseconds).Order().ToArray();
        var median = sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
        return new GcPauseSummary(sorted.Length, sorted.Sum(), median, sorted[^1], spanSeconds);
    }
}
