using SoSucKhoe.LoadTest.Reporting;

namespace SoSucKhoe.LoadTest.Search;

/// <summary>One step of the <c>max</c> search: an open-loop run at <see cref="OfferedRate"/> and what it achieved.</summary>
/// <param name="Step">0 for the first step.</param>
/// <param name="OfferedRate">Dossiers per second offered.</param>
/// <param name="Sent">Requests sent.</param>
/// <param name="Accepted">Requests accepted.</param>
/// <param name="Failed">Requests failed.</param>
/// <param name="AcceptedPerSecond">Accepted over the step's elapsed time (send window plus the answers of the last calls).</param>
/// <param name="Latency">Latency of the step's calls (from the scheduled send time).</param>
/// <param name="Failure">Why the step fails the target, or null when it kept it.</param>
public sealed record StepResult(
    int Step, double OfferedRate, long Sent, long Accepted, long Failed, double AcceptedPerSecond, LatencySummary Latency, string? Failure)
{
    public bool Passed => Failure is null;
}
