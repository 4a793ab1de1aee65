using System.Diagnostics;

namespace SoSucKhoe.LoadTest.Driving;

/// <summary>The real clock: a monotonic stopwatch; waits sleep until about a millisecond before the target and then yield.</summary>
public sealed class StopwatchClock : LoadClock
{
    private readonly long _origin = Stopwatch.GetTimestamp();

    public override TimeSpan Elapsed => Stopwatch.GetElapsedTime(_origin);

    public override async Task WaitUntilAsync(TimeSpan at, CancellationToken cancellationToken)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var remaining = at - Elapsed;
            if (remaining <= TimeSpan.Zero)
            {
                return;
            }

            if (remaining > TimeSpan.FromMilliseconds(2))
            {
                await Task.Delay(remaining - TimeSpan.FromMilliseconds(1), cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await Task.Yield();
            }
        }
    }
}
