using SoSucKhoe.LoadTest.Ceilings;
using SoSucKhoe.LoadTest.Drill;
using SoSucKhoe.LoadTest.Driving;
using SoSucKhoe.LoadTest.Outage;
using SoSucKhoe.LoadTest.Search;
using SoSucKhoe.LoadTest.Soak;
using SoSucKhoe.LoadTest.Verification;

namespace SoSucKhoe.LoadTest.Reporting;

/// <summary>The outcome of one load run, as written to report.json and report.md.</summary>
public sealed record LoadReport
{
    public required string Mode { get; init; }
    public required double TargetRate { get; init; }
    public required int Concurrency { get; init; }
    public required double DurationSeconds { get; init; }
    public double WarmupSeconds { get; init; }
    public required int Facilities { get; init; }
    public required int Citizens { get; init; }
    public required int Planned { get; init; }
    public required long Sent { get; init; }
    public required long Accepted { get; init; }
    public required long Duplicates { get; init; }
    public required long Failed { get; init; }
    public required double ElapsedSeconds { get; init; }
    public required double AcceptedPerSecond { get; init; }
    public required bool DrainTimedOut { get; init; }
    public required LatencySummary Latency { get; init; }
    public required IReadOnlyDictionary<string, long> ErrorsByStatus { get; init; }
    public ForwardingLag? ForwardingLag { get; init; }
    public GatewayCounters? Gateway { get; init; }
    public string? Profile { get; init; }
    public double CheckInShare { get; init; }
    public string? SizeMix { get; init; }

    /// <summary>How dossiers picked their citizens: random or distinct.</summary>
    public string CitizenOrder { get; init; } = "random";

    /// <summary>Requests that waited for their dossier to be signed (background signing fell behind; 0 expected).</summary>
    public long SigningStalls { get; init; }

    /// <summary>max profile: every step; null otherwise.</summary>
    public IReadOnlyList<StepResult>? Steps { get; init; }

    /// <summary>max profile: the highest offered rate whose step kept p99 under the limit without errors.</summary>
    public double? BestRate { get; init; }

    public double P99LimitMs { get; init; } = 100;

    /// <summary>Per-second samples of the measured run (chart.svg draws them).</summary>
    public IReadOnlyList<TimeSample> Series { get; init; } = [];

    /// <summary>The hub's resident memory (with --hub-pid).</summary>
    public IReadOnlyList<MemorySample>? Memory { get; init; }

    public MemoryTrend? MemoryTrend { get; init; }

    public OutageResult? Outage { get; init; }

    public CeilingResult? Ceilings { get; init; }

    /// <summary>The per-request latency log's path as given (<c>--latency-log</c>), or null.</summary>
    public string? LatencyLog { get; init; }

    /// <summary>Lines (requests) in the latency log, warm-up included, or null.</summary>
    public long? LatencyLogRequests { get; init; }

    /// <summary>Every dossier checked by identity after the run (null with <c>--verify off</c>).</summary>
    public VerificationResult? Verification { get; init; }

    /// <summary>The drill's stops, restarts and verdict (null for a plain load run).</summary>
    public DrillResult? Drill { get; init; }

    /// <summary>
    /// Why the run fails, empty when it passes. A drill fails on its own verdict (its calls fail while the hub is down, by design);
    /// a load run on failed or unfinished calls and on anything the verification found.
    /// </summary>
    public IReadOnlyList<string> Problems()
    {
        if (Drill is { } drill)
        {
            return drill.Problems;
        }

        var problems = new List<string>();
        if (Failed > 0)
        {
            problems.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Failed} calls failed"));
        }

        if (DrainTimedOut)
        {
            problems.Add("calls were still running when the drain timed out");
        }

        if (Verification is { } verification)
        {
            problems.AddRange(verification.Failures());
        }

        return problems;
    }
}
