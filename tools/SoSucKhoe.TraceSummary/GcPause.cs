namespace SoSucKhoe.TraceSummary;

/// <summary>One stop of the managed threads for a garbage collection: from suspension start to restart end.</summary>
/// <param name="AtMilliseconds">When the suspension began, since the start of the trace.</param>
/// <param name="Milliseconds">How long the threads were stopped.</param>
/// <param name="Generation">The collected generation (−1 when the trace did not say).</param>
/// <param name="Reason">Why the runtime collected.</param>
public sealed record GcPause(double AtMilliseconds, double Milliseconds, int Generation, string Reason);
