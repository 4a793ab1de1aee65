using System.Globalization;

namespace SoSucKhoe.LoadTest.Driving;

/// <summary>Writes one progress line per second (sent, accepted, failed, in flight, accepted in the last second).</summary>
public static class ProgressReporter
{
    public static async Task RunAsync(LoadStatistics statistics, LoadClock clock, TextWriter output, CancellationToken stop)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        var start = clock.Elapsed;
        var previous = 0L;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            while (await timer.WaitForNextTickAsync(stop).ConfigureAwait(false))
            {
                var accepted = statistics.Accepted;
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"[{(clock.Elapsed - start).TotalSeconds,6:F1}s] sent {statistics.Sent} accepted {accepted} (+{accepted - previous}/s) failed {statistics.Failed} in-flight {statistics.InFlight}"))
                    .ConfigureAwait(false);
                previous = accepted;
            }
        }
        catch (OperationCanceledException)
        {
            // The run ended.
        }
    }
}
