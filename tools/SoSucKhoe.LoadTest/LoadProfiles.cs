using System.Globalization;

namespace SoSucKhoe.LoadTest;

/// <summary>
/// Named sets of defaults for <c>--profile</c>: a profile fills in every option the command line leaves out, so
/// <c>--profile pilot --duration 5m</c> is the pilot profile compressed to five minutes.
/// </summary>
/// <remarks>
/// Sizing (issue 6, DESIGN.md): Bình Phước has about 1 million people, 150–200 insured-care facilities and 1,000–1,500
/// insured visits in its busiest hour. The pilot profile is that peak hour ×10: 15,000 dossiers an hour = 15,000 / 3,600
/// ≈ 4.17 per second, for 30 minutes. Nationally, 600–700 thousand dossiers on a working day peak at about 50–100 per
/// second: the national-peak profile is the top of that range, 100 per second, for 10 minutes.
/// </remarks>
public static class LoadProfiles
{
    /// <summary>Peak hour of the pilot province ×10, per second.</summary>
    public static readonly double PilotRate = Math.Round(1_500 * 10 / 3_600.0, 2);

    /// <summary>The national peak, per second.</summary>
    public const double NationalPeakRate = 100;

    /// <summary>Profile name → option defaults (the same spelling as on the command line).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> All { get; } =
        new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal)
        {
            ["pilot"] = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["--mode"] = "open",
                ["--rate"] = PilotRate.ToString(CultureInfo.InvariantCulture),
                ["--duration"] = "30m",
                ["--facilities"] = "200",
                ["--citizens"] = "100000",
                ["--warmup"] = "10s",
            },
            ["national-peak"] = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["--mode"] = "open",
                ["--rate"] = NationalPeakRate.ToString(CultureInfo.InvariantCulture),
                ["--duration"] = "10m",
                ["--facilities"] = "200",
                ["--citizens"] = "100000",
                ["--warmup"] = "10s",
            },
            ["max"] = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["--mode"] = "open",
                ["--start-rate"] = "50",
                ["--rate-step"] = "50",
                ["--step-duration"] = "20s",
                ["--p99-limit"] = "100ms",
                ["--facilities"] = "200",
                ["--citizens"] = "100000",
                ["--warmup"] = "10s",
                ["--lag-sample"] = "0",
                ["--ceilings"] = "10s",
            },
            ["soak"] = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["--mode"] = "open",
                ["--rate"] = "50",
                ["--duration"] = "4h",
                ["--facilities"] = "200",
                ["--citizens"] = "1000000",
                ["--citizen-order"] = "distinct",
                ["--warmup"] = "10s",
                ["--sample-interval"] = "1m",
                ["--checkin-share"] = "0.5",
                ["--size-mix"] = "outpatient:80,inpatient:15,long:5",
                ["--drain"] = "2m",
                ["--ceilings"] = "10s",
            },
        };

    /// <summary>Adds the defaults of <paramref name="profile"/> for every option not in <paramref name="values"/>.</summary>
    /// <exception cref="UsageException">The profile is unknown.</exception>
    public static void ApplyDefaults(string profile, IDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (!All.TryGetValue(profile, out var defaults))
        {
            throw new UsageException($"--profile must be one of {string.Join(", ", All.Keys)}, not '{profile}'");
        }

        foreach (var (name, value) in defaults)
        {
            values.TryAdd(name, value);
        }
    }
}
