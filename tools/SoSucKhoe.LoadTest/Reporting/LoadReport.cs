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
}
