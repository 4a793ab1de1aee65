using System.Diagnostics;
using SoSucKhoe.Grains.Runtime;

namespace SoSucKhoe.EndToEnd.Tests;

/// <summary>
/// The hub starts without Orleans' false watchdog alarm "Participant check thread has not completed for &lt;the machine's
/// uptime&gt;" (see <see cref="MembershipClock"/>): the watchdog reads its participant check's timestamp before the first check
/// writes it, and with the system clock that unwritten zero meant the machine's boot.
/// </summary>
[Collection(TunedHubCollection.Name)]
public sealed class WatchdogStartTests(TunedHubFixture fixture)
{
    [Fact]
    public async Task A_hub_process_starts_without_the_participant_check_warning()
    {
        // The watchdog's first check runs the moment it starts, before the hub reports healthy; a second later it has run again.
        await Task.Delay(TimeSpan.FromSeconds(2));
        var logs = fixture.Hub.Output;

        // The output is captured from the start (the host's lifetime messages come after the silo started).
        Assert.Contains("Application started", logs, StringComparison.Ordinal);
        Assert.DoesNotContain("Participant check thread has not completed", logs, StringComparison.Ordinal);
        Assert.DoesNotContain(".NET Runtime Platform stalled", logs, StringComparison.Ordinal);
    }

    [Fact]
    public void The_membership_clock_counts_from_its_creation_at_the_system_clock_s_rate()
    {
        var before = Stopwatch.GetTimestamp();
        var clock = new MembershipClock();
        var start = clock.GetTimestamp();
        Thread.Sleep(50);
        var elapsed = clock.GetElapsedTime(start);
        var sinceZero = clock.GetElapsedTime(0);
        var systemSinceBefore = Stopwatch.GetElapsedTime(before);

        Assert.Equal(Stopwatch.Frequency, clock.TimestampFrequency);
        Assert.InRange(start, 0, Stopwatch.GetTimestamp() - before);
        Assert.InRange(elapsed, TimeSpan.FromMilliseconds(45), systemSinceBefore);
        // An unwritten (zero) timestamp is the clock's creation, not the machine's boot.
        Assert.InRange(sinceZero, elapsed, systemSinceBefore);
        Assert.InRange(clock.GetUtcNow(), DateTimeOffset.UtcNow.AddSeconds(-5), DateTimeOffset.UtcNow.AddSeconds(5));
    }
}
