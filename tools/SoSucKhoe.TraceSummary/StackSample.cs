namespace SoSucKhoe.TraceSummary;

/// <summary>One sample of one thread: its frames from the leaf (index 0) to the thread's start, and when it was taken.</summary>
/// <param name="Frames">Method names, leaf first; a frame without a symbol is <c>?module</c>.</param>
/// <param name="InManagedCode">True when the sampler found the thread running managed code (not parked in native code).</param>
/// <param name="AtMilliseconds">Time since the start of the trace.</param>
public sealed record StackSample(IReadOnlyList<string> Frames, bool InManagedCode, double AtMilliseconds);
