namespace SoSucKhoe.LoadTest.Driving;

/// <summary>
/// Samples this process's GC (<see cref="GC.GetTotalPauseDuration"/>, <see cref="GC.CollectionCount"/>) and thread pool once
/// per interval, so that a stall caused by the tool itself shows in the per-second series without a trace. Not thread-safe:
/// one caller (the run monitor) calls <see cref="Next"/>.
/// </summary>
public sealed class ToolRuntimeSampler
{
    private TimeSpan _pause;
    private int _gen0;
    private int _gen1;
    private int _gen2;

    /// <summary>Starts counting from now.</summary>
    public ToolRuntimeSampler() => Read(out _pause, out _gen0, out _gen1, out _gen2);

    /// <summary>What happened since the previous call (or since construction).</summary>
    public ToolRuntimeSample Next()
    {
        Read(out var pause, out var gen0, out var gen1, out var gen2);
        // CollectionCount(n) counts every collection of generation n or older; subtracting the next one counts each once.
        var sample = new ToolRuntimeSample(
            Math.Round((pause - _pause).TotalMilliseconds, 3),
            Math.Max(0, (gen0 - _gen0) - (gen1 - _gen1)),
            Math.Max(0, (gen1 - _gen1) - (gen2 - _gen2)),
            gen2 - _gen2,
            ThreadPool.ThreadCount,
            ThreadPool.PendingWorkItemCount);
        (_pause, _gen0, _gen1, _gen2) = (pause, gen0, gen1, gen2);
        return sample;
    }

    private static void Read(out TimeSpan pause, out int gen0, out int gen1, out int gen2)
    {
        gen2 = GC.CollectionCount(2);
        gen1 = GC.CollectionCount(1);
        gen0 = GC.CollectionCount(0);
        pause = GC.GetTotalPauseDuration();
    }
}
