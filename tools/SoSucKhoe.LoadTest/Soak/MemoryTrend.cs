namespace SoSucKhoe.LoadTest.Soak;

/// <summary>What a soak's memory samples say: first, last, peak and the least-squares slope (MiB per hour), overall and over the second half.</summary>
public sealed record MemoryTrend(int Samples, double FirstMiB, double LastMiB, double PeakMiB, double SlopeMiBPerHour, double SecondHalfSlopeMiBPerHour)
{
    /// <summary>The trend of <paramref name="samples"/> (zeros for none).</summary>
    public static MemoryTrend Of(IReadOnlyList<MemorySample> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        if (samples.Count == 0)
        {
            return new MemoryTrend(0, 0, 0, 0, 0, 0);
        }

        return new MemoryTrend(
            samples.Count,
            samples[0].RssMiB,
            samples[^1].RssMiB,
            samples.Max(static s => s.RssMiB),
            Slope(samples),
            Slope([.. samples.Skip(samples.Count / 2)]));
    }

    /// <summary>Least-squares slope of RSS over time, in MiB per hour; 0 with fewer than two distinct times.</summary>
    public static double Slope(IReadOnlyList<MemorySample> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        if (samples.Count < 2)
        {
            return 0;
        }

        var meanX = samples.Average(static s => s.AtSeconds / 3600);
        var meanY = samples.Average(static s => s.RssMiB);
        var sxx = samples.Sum(s => Math.Pow((s.AtSeconds / 3600) - meanX, 2));
        if (sxx <= 0)
        {
            return 0;
        }

        var sxy = samples.Sum(s => ((s.AtSeconds / 3600) - meanX) * (s.RssMiB - meanY));
        return Math.Round(sxy / sxx, 2);
    }
}
