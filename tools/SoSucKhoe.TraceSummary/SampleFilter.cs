namespace SoSucKhoe.TraceSummary;

/// <summary>
/// Tells the samples of working threads from those of waiting ones. The sampled-thread-time profile samples every managed thread
/// about 100 times a second whatever it is doing, so most samples are parked threads: in a wait primitive, in the socket
/// engine's epoll loop, or in native code. A sample counts as work when the thread was in managed code and its leaf is not a
/// wait.
/// </summary>
public static class SampleFilter
{
    private static readonly string[] WaitLeaves =
    [
        "WaitHandle.WaitOne", "WaitOneNoCheck", "LowLevelLifoSemaphore", "Monitor.Wait", "ManualResetEventSlim.Wait",
        "SemaphoreSlim.Wait", "Thread.Sleep", "Thread.Join", "Interop+Sys.Read", "Interop+Sys.WaitForSocketEvents", "PollGC",
    ];

    /// <summary>True when the sample shows the thread doing work.</summary>
    public static bool IsWork(StackSample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        if (!sample.InManagedCode || sample.Frames.Count == 0)
        {
            return false;
        }

        var leaf = sample.Frames[0];
        return !WaitLeaves.Any(wait => leaf.Contains(wait, StringComparison.Ordinal));
    }
}
