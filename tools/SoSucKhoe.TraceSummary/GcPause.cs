namespace SoSucKhoe.TraceSummary;

/// <summary>One stop of the managed threads for a garbage collection: from suspension start to restart end.</summary>
/// <param name="AtMilliseconds">When the suspension began, since the start of the trace.</param>
/// <param name="Milliseconds">How long the threads were stopped.</param>
/// <param name="Generation">The collected generation (−1 when the trace did not say).</param>
/// <param name="Reason">Why the runtime collected.</param>
public sealed record GcPause(double AtMilliseconds, double Milliseconds, int Generation, string Reason)
{
    /// <summary>Of the pause, how long it took to stop the threads (a long one points at threads that do not reach a safe point).</summary>
    public double SuspensionMilliseconds { get; init; }

    /// <summary>Bytes the collection kept alive (copied or marked), or −1 when the trace did not say.</summary>
    public long PromotedBytes { get; init; } = -1;
}
