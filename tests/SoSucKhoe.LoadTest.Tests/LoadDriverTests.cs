using System.Collections.Concurrent;
using SoSucKhoe.LoadTest.Driving;

namespace SoSucKhoe.LoadTest.Tests;

public sealed class LoadDriverTests
{
    private static readonly TimeSpan Drain = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Open_loop_starts_every_request_at_its_scheduled_time_while_an_earlier_one_is_still_unanswered()
    {
        var clock = new ManualClock(jumpOnWait: true);
        var statistics = new LoadStatistics();
        var started = new ConcurrentDictionary<int, TimeSpan>();
        var slow = new TaskCompletionSource<SendOutcome>(TaskCreationOptions.RunContinuationsAsynchronously);
        var driver = new LoadDriver(clock, (i, _) =>
        {
            started[i] = clock.Elapsed;
            if (i == 0)
            {
                return slow.Task; // the hub sits on the first request
            }

            if (i == 9)
            {
                clock.Advance(TimeSpan.FromMilliseconds(1100)); // it answers two seconds after it was due
                slow.SetResult(SendOutcome.Ok("70001:0"));
            }

            return Task.FromResult(SendOutcome.Ok("70001:" + i));
        }, statistics);

        var result = await driver.RunOpenAsync(count: 10, rate: 10, Drain, CancellationToken.None);

        Assert.Equal(Enumerable.Range(0, 10).Select(i => TimeSpan.FromMilliseconds(100 * i)), Enumerable.Range(0, 10).Select(i => started[i]));
        Assert.Equal(10, statistics.Accepted);
        var latency = statistics.Latency.Summarize();
        Assert.Equal(2000, latency.MaxMs, tolerance: 2);
        Assert.Equal(0, latency.P50Ms);
        Assert.False(result.DrainTimedOut);
    }

    [Fact]
    public async Task Open_loop_charges_a_stalled_sender_to_every_request_it_delayed_no_coordinated_omission()
    {
        var clock = new ManualClock(jumpOnWait: true);
        var statistics = new LoadStatistics();
        var driver = new LoadDriver(clock, (i, _) =>
        {
            if (i == 2)
            {
                clock.Advance(TimeSpan.FromMilliseconds(300)); // the client stalls 300 ms (say a GC pause) while sending request 2
            }

            return Task.FromResult(SendOutcome.Ok("70001:" + i));
        }, statistics);

        await driver.RunOpenAsync(count: 10, rate: 10, Drain, CancellationToken.None);

        // Requests 2, 3 and 4 (due at 200, 300, 400 ms) were answered at 500 ms: 300 + 200 + 100 ms over ten requests.
        var latency = statistics.Latency.Summarize();
        Assert.Equal(10, latency.Count);
        Assert.Equal(60, latency.MeanMs, tolerance: 0.5);
        Assert.Equal(300, latency.MaxMs, tolerance: 1);
    }

    [Fact]
    public async Task Closed_loop_keeps_exactly_concurrency_calls_in_flight_and_sends_each_request_once()
    {
        var clock = new ManualClock(jumpOnWait: false);
        var statistics = new LoadStatistics();
        var inFlight = 0;
        var maxInFlight = 0;
        var allBusy = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var seen = new ConcurrentBag<int>();
        var driver = new LoadDriver(clock, async (i, _) =>
        {
            seen.Add(i);
            var now = Interlocked.Increment(ref inFlight);
            InterlockedMax(ref maxInFlight, now);
            if (now == 4)
            {
                allBusy.TrySetResult();
            }

            await allBusy.Task;
            await Task.Yield();
            Interlocked.Decrement(ref inFlight);
            return SendOutcome.Ok("70001:" + i);
        }, statistics);

        var result = await driver.RunClosedAsync(count: 40, concurrency: 4, TimeSpan.FromHours(1), Drain, CancellationToken.None)
            .WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(4, maxInFlight);
        Assert.Equal(Enumerable.Range(0, 40), seen.Order());
        Assert.Equal(40, statistics.Accepted);
        Assert.False(result.DrainTimedOut);
    }

    [Fact]
    public async Task Closed_loop_sends_nothing_new_once_the_duration_has_passed()
    {
        var clock = new ManualClock(jumpOnWait: false);
        var statistics = new LoadStatistics();
        var driver = new LoadDriver(clock, (i, _) =>
        {
            clock.Advance(TimeSpan.FromMilliseconds(100)); // every call takes 100 ms
            return Task.FromResult(SendOutcome.Ok("70001:" + i));
        }, statistics);

        await driver.RunClosedAsync(count: 1000, concurrency: 1, TimeSpan.FromSeconds(1), Drain, CancellationToken.None)
            .WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(10, statistics.Sent);
        Assert.Equal(100, statistics.Latency.Summarize().P99Ms, tolerance: 0.5);
    }

    [Fact]
    public async Task Calls_still_running_after_the_drain_timeout_are_cancelled_and_counted_as_errors()
    {
        var clock = new ManualClock(jumpOnWait: true);
        var statistics = new LoadStatistics();
        var driver = new LoadDriver(clock, async (i, cancellationToken) =>
        {
            if (i == 1)
            {
                await Task.Delay(Timeout.Infinite, cancellationToken); // never answered
            }

            return SendOutcome.Ok("70001:" + i);
        }, statistics);

        var result = await driver.RunOpenAsync(count: 3, rate: 10, TimeSpan.FromMilliseconds(100), CancellationToken.None)
            .WaitAsync(TimeSpan.FromSeconds(20));

        Assert.True(result.DrainTimedOut);
        Assert.Equal(2, statistics.Accepted);
        Assert.Equal(new Dictionary<string, long> { ["Cancelled"] = 1 }, statistics.Errors);
        Assert.Equal(0, statistics.InFlight);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while (value > (current = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
