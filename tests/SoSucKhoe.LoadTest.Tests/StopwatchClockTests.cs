using SoSucKhoe.LoadTest.Driving;

namespace SoSucKhoe.LoadTest.Tests;

public sealed class StopwatchClockTests
{
    [Fact]
    public async Task A_wait_never_returns_before_its_target_even_when_targets_are_closer_than_the_timer_tick()
    {
        var clock = new StopwatchClock();
        var start = clock.Elapsed;
        var early = new List<double>();
        for (var i = 1; i <= 100; i++)
        {
            var target = start + TimeSpan.FromMilliseconds(0.3 * i);
            await clock.WaitUntilAsync(target, CancellationToken.None);
            var now = clock.Elapsed;
            if (now < target)
            {
                early.Add((target - now).TotalMilliseconds);
            }
        }

        Assert.Empty(early);
    }

    [Fact]
    public void A_wait_for_a_time_already_passed_returns_at_once()
    {
        var clock = new StopwatchClock();

        var wait = clock.WaitUntilAsync(clock.Elapsed - TimeSpan.FromSeconds(1), CancellationToken.None);

        Assert.True(wait.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task A_cancelled_wait_ends_with_a_cancellation()
    {
        var clock = new StopwatchClock();
        using var cancel = new CancellationTokenSource();

        var wait = clock.WaitUntilAsync(clock.Elapsed + TimeSpan.FromMinutes(1), cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait.WaitAsync(TimeSpan.FromSeconds(10)));
    }
}
