using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Polly.CircuitBreaker;

namespace SoSucKhoe.Gateway.Tests;

/// <summary>
/// The gateway pipeline's circuit breaker on a fake clock: how long it stays open, how the break grows while trials fail, and that
/// a call against an open circuit ends at once instead of waiting through retry delays.
/// </summary>
public sealed class CircuitBreakTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 27, 8, 0, 0, TimeSpan.FromHours(7));

    [Theory]
    [InlineData(0, 5)]
    [InlineData(1, 10)]
    [InlineData(2, 20)]
    [InlineData(3, 40)]
    [InlineData(4, 60)]
    [InlineData(40, 60)]
    [InlineData(int.MaxValue, 60)]
    public void The_break_doubles_with_each_failed_trial_up_to_the_longest(int failedTrials, int expectedSeconds)
    {
        var duration = GatewayResiliencePipeline.BreakDuration(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(60), failedTrials);

        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), duration);
    }

    [Fact]
    public async Task A_failed_trial_doubles_the_break_and_a_successful_one_closes_the_circuit_and_starts_over()
    {
        var clock = new FakeTimeProvider(Start);
        var gateway = new ScriptedGateway(Pipeline(clock, retries: 0, firstBreak: TimeSpan.FromSeconds(1), longestBreak: TimeSpan.FromSeconds(3)));

        await gateway.TripAsync();
        Assert.False(await gateway.ReachesGatewayAsync(fails: false), "open right after tripping");

        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(await gateway.ReachesGatewayAsync(fails: true), "first trial after the first break of 1 s");

        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.False(await gateway.ReachesGatewayAsync(fails: false), "after one failed trial the break is 2 s");
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(await gateway.ReachesGatewayAsync(fails: true), "second trial after 2 s");

        clock.Advance(TimeSpan.FromSeconds(3));
        Assert.True(await gateway.ReachesGatewayAsync(fails: false), "4 s capped at the longest break of 3 s; this trial succeeds");
        Assert.True(await gateway.ReachesGatewayAsync(fails: false), "closed after the successful trial");

        await gateway.TripAsync();
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(await gateway.ReachesGatewayAsync(fails: false), "a new outage starts again from the first break");
    }

    [Fact]
    public async Task A_call_against_an_open_circuit_ends_at_once_without_waiting_for_a_retry()
    {
        var clock = new FakeTimeProvider(Start);
        var gateway = new ScriptedGateway(Pipeline(clock, retries: 3, firstBreak: TimeSpan.FromSeconds(30), longestBreak: TimeSpan.FromSeconds(60)));
        var tripping = Enumerable.Range(0, 2).Select(_ => gateway.CallAsync(fails: true)).ToArray();
        Assert.Equal(2, gateway.Calls);

        // The fake clock stands still: a call that waited for a retry delay could not complete.
        var paused = gateway.CallAsync(fails: false);

        Assert.True(paused.IsCompleted, "the call against the open circuit should not wait for a retry");
        await Assert.ThrowsAsync<BrokenCircuitException>(() => paused);
        Assert.Equal(2, gateway.Calls);
        Assert.All(tripping, call => Assert.False(call.IsCompleted, "the tripping calls wait for their retry delay (the clock stands still)"));
    }

    private static GatewayResiliencePipeline Pipeline(TimeProvider clock, int retries, TimeSpan firstBreak, TimeSpan longestBreak) =>
        new(Options.Create(new GatewayOptions
        {
            MaxRetryAttempts = retries,
            RetryBaseDelay = TimeSpan.FromSeconds(1),
            RetryMaxDelay = TimeSpan.FromSeconds(1),
            CircuitBreakerFailureRatio = 0.5,
            CircuitBreakerMinimumThroughput = 2,
            CircuitBreakerSamplingDuration = TimeSpan.FromSeconds(10),
            CircuitBreakerBreakDuration = firstBreak,
            CircuitBreakerMaxBreakDuration = longestBreak,
        }), clock, NullLogger<GatewayResiliencePipeline>.Instance);

    /// <summary>Calls through the pipeline to a callback that answers HTTP 503 or 200 as told, counting the calls that reach it.</summary>
    private sealed class ScriptedGateway(GatewayResiliencePipeline pipeline)
    {
        public int Calls { get; private set; }

        public Task<GatewayAttempt> CallAsync(bool fails) =>
            pipeline.Pipeline.ExecuteAsync(_ =>
            {
                Calls++;
                return ValueTask.FromResult(new GatewayAttempt(fails ? HttpStatusCode.ServiceUnavailable : HttpStatusCode.OK, null));
            }, CancellationToken.None).AsTask();

        /// <summary>Fails calls until the circuit opens (at a ratio of 0.5 over at least two calls: within a few).</summary>
        public async Task TripAsync()
        {
            for (var failures = 0; failures < 4; failures++)
            {
                if (!await ReachesGatewayAsync(fails: true))
                {
                    return;
                }
            }

            Assert.Fail("the circuit should open after a few failures");
        }

        /// <summary>True when the call reached the gateway, false when the open circuit refused it.</summary>
        public async Task<bool> ReachesGatewayAsync(bool fails)
        {
            var before = Calls;
            try
            {
                await CallAsync(fails);
            }
            catch (BrokenCircuitException)
            {
                Assert.Equal(before, Calls);
                return false;
            }

            Assert.Equal(before + 1, Calls);
            return true;
        }
    }
}
