namespace SoSucKhoe.LoadTest.Reporting;

/// <summary>Latency percentiles in milliseconds over <see cref="Count"/> recorded values.</summary>
public sealed record LatencySummary(long Count, double P50Ms, double P95Ms, double P99Ms, double MaxMs, double MeanMs)
{
    public static LatencySummary Empty { get; } = new(0, 0, 0, 0, 0, 0);
}
