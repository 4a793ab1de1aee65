using SoSucKhoe.LoadTest.Driving;

namespace SoSucKhoe.LoadTest.Tests;

public sealed class OpenLoopScheduleTests
{
    [Fact]
    public void Request_i_is_due_i_over_rate_seconds_after_the_start()
    {
        Assert.Equal(TimeSpan.Zero, OpenLoopSchedule.SendTime(0, 100));
        Assert.Equal(TimeSpan.FromMilliseconds(10), OpenLoopSchedule.SendTime(1, 100));
        Assert.Equal(TimeSpan.FromMilliseconds(2990), OpenLoopSchedule.SendTime(299, 100));
        Assert.Equal(TimeSpan.FromSeconds(4), OpenLoopSchedule.SendTime(2, 0.5));
    }

    [Fact]
    public void Send_times_are_evenly_spaced_and_never_drift()
    {
        var times = Enumerable.Range(0, 3000).Select(i => OpenLoopSchedule.SendTime(i, 300)).ToList();
        var gaps = times.Zip(times.Skip(1), (a, b) => (b - a).Ticks).Distinct().ToList();
        Assert.All(gaps, gap => Assert.InRange(gap, 33_333, 33_334));
        Assert.Equal(TimeSpan.FromSeconds(10), OpenLoopSchedule.SendTime(3000, 300));
    }

    [Theory]
    [InlineData(100, 30, 3000)]
    [InlineData(20, 5, 100)]
    [InlineData(0.5, 3, 2)]
    [InlineData(1, 0.1, 1)]
    public void A_run_sends_rate_times_duration_requests_rounded_up(double rate, double seconds, int expected) =>
        Assert.Equal(expected, OpenLoopSchedule.Count(rate, TimeSpan.FromSeconds(seconds)));
}
