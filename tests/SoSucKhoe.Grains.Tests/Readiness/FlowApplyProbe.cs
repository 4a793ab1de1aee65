using SoSucKhoe.Monitoring;

namespace SoSucKhoe.Grains.Tests.Readiness;

/// <summary>
/// An incoming call filter of the readiness test silo: while <see cref="Holding"/> is set, every
/// <see cref="IFacilityFlowGrain.Apply"/> is held for a moment, and the highest number of Apply calls running at once is kept.
/// </summary>
public sealed class FlowApplyProbe : IIncomingGrainCallFilter
{
    private static int s_running;
    private static int s_highest;

    /// <summary>Whether Apply calls are held (and counted).</summary>
    public static volatile bool Holding;

    /// <summary>The highest number of Apply calls that ran at the same time since <see cref="Reset"/>.</summary>
    public static int Highest => Volatile.Read(ref s_highest);

    public static void Reset() => Interlocked.Exchange(ref s_highest, 0);

    public async Task Invoke(IIncomingGrainCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!Holding || context.Grain is not IFacilityFlowGrain || context.ImplementationMethod.Name != nameof(IFacilityFlowGrain.Apply))
        {
            await context.Invoke();
            return;
        }

        var running = Interlocked.Increment(ref s_running);
        int highest;
        while (running > (highest = Volatile.Read(ref s_highest)) && Interlocked.CompareExchange(ref s_highest, running, highest) != highest)
        {
        }

        try
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20));
            await context.Invoke();
        }
        finally
        {
            Interlocked.Decrement(ref s_running);
        }
    }
}
