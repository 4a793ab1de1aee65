namespace SoSucKhoe.LoadTest.Driving;

/// <summary>
/// One interval of a run (normally one second): calls completed in it, accepted and failed, and the latency of those calls.
/// <see cref="AtSeconds"/> is the end of the interval from the start of the run. <see cref="GatewayAcknowledged"/> is the
/// number of dossiers the gateway emulator acknowledged in the interval, when it was polled. The <c>Tool…</c> fields describe
/// the load tool's own process in the interval (null when not sampled): a stall that lines up with a tool GC pause or a long
/// thread-pool queue is the tool's, not the hub's.
/// </summary>
public sealed record TimeSample(double AtSeconds, double LengthSeconds, long Accepted, long Failed, double P50Ms, double P99Ms, double MaxMs)
{
    public long? GatewayAcknowledged { get; init; }

    /// <summary>Time the tool's threads were paused by its own GC in the interval (ms).</summary>
    public double? ToolGcPauseMs { get; init; }

    /// <summary>The tool's gen-0 collections in the interval.</summary>
    public int? ToolGen0Collections { get; init; }

    /// <summary>The tool's gen-1 collections in the interval.</summary>
    public int? ToolGen1Collections { get; init; }

    /// <summary>The tool's gen-2 (full) collections in the interval.</summary>
    public int? ToolGen2Collections { get; init; }

    /// <summary>The tool's thread-pool threads at the end of the interval.</summary>
    public int? ToolThreadPoolThreads { get; init; }

    /// <summary>Work items queued in the tool's thread pool at the end of the interval (a growing queue means starvation).</summary>
    public long? ToolThreadPoolQueue { get; init; }

    /// <summary>Accepted per second over the interval.</summary>
    public double AcceptedPerSecond => LengthSeconds <= 0 ? 0 : Accepted / LengthSeconds;
}
