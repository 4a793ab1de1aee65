using System.Globalization;
using SoSucKhoe.LoadTest.Reporting;

namespace SoSucKhoe.LoadTest.Search;

/// <summary>
/// The rules of the <c>max</c> profile: step k offers <c>start + k × increment</c> dossiers per second; a step fails when its
/// p99 reaches the limit, when any call fails, or when fewer than <see cref="MinAcceptedShare"/> of the offered rate was
/// accepted per second. The search stops at the first failing step (or at the rate cap); the result is the highest passing rate.
/// </summary>
public static class MaxSearch
{
    /// <summary>Accepted per second below this share of the offered rate means the hub did not keep up.</summary>
    public const double MinAcceptedShare = 0.95;

    /// <summary>The rate of step <paramref name="step"/>.</summary>
    public static double RateOf(int step, double start, double increment)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(step);
        return Math.Round(start + (step * increment), 3);
    }

    /// <summary>Why a step with these figures fails the target, or null when it passes.</summary>
    public static string? Judge(double offeredRate, long failed, double acceptedPerSecond, LatencySummary latency, TimeSpan p99Limit)
    {
        ArgumentNullException.ThrowIfNull(latency);
        var c = CultureInfo.InvariantCulture;
        if (latency.P99Ms >= p99Limit.TotalMilliseconds)
        {
            return string.Create(c, $"p99 {latency.P99Ms} ms ≥ {p99Limit.TotalMilliseconds} ms");
        }

        if (failed > 0)
        {
            return string.Create(c, $"{failed} failed");
        }

        if (acceptedPerSecond < offeredRate * MinAcceptedShare)
        {
            return string.Create(c, $"accepted {acceptedPerSecond}/s < {MinAcceptedShare:P0} of {offeredRate}/s");
        }

        return null;
    }

    /// <summary>The highest offered rate among passing steps, or null when none passed.</summary>
    public static double? Best(IEnumerable<StepResult> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        var passing = steps.Where(static s => s.Passed).ToList();
        return passing.Count == 0 ? null : passing.Max(static s => s.OfferedRate);
    }

    /// <summary>Whether the search goes on after <paramref name="last"/>: it passed and the next rate is within the cap.</summary>
    public static bool Continues(StepResult last, double increment, double maxRate)
    {
        ArgumentNullException.ThrowIfNull(last);
        return last.Passed && increment > 0 && last.OfferedRate + increment <= maxRate + 1e-9;
    }
}
