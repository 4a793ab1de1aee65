namespace SoSucKhoe.LoadTest.Driving;

/// <summary>
/// Sends requests through a caller-supplied function, open-loop (fixed arrival rate) or closed-loop (fixed concurrency), and
/// records each outcome in <see cref="LoadStatistics"/> (and, with a latency log, each request's times). Both loops are bounded:
/// nothing new is sent after the planned requests (open) or the duration (closed), and calls still running after the drain
/// timeout are cancelled.
/// </summary>
/// <param name="clock">The time base.</param>
/// <param name="send">Sends request <c>i</c>; must not block before its first await.</param>
/// <param name="statistics">Where outcomes go.</param>
/// <param name="log">Where each request's scheduled, sent and completed times go, or null.</param>
public sealed class LoadDriver(
    LoadClock clock, Func<int, CancellationToken, Task<SendOutcome>> send, LoadStatistics statistics, LatencyLogPhase? log = null)
{
    /// <summary>
    /// Open loop: request i is started at <c>start + i / rate</c> whatever earlier requests are doing, and its latency counts from
    /// that scheduled time, not from when it was actually sent (no coordinated omission: a stalled sender or a slow hub shows as
    /// latency of every request it delayed).
    /// </summary>
    public async Task<DriveResult> RunOpenAsync(int count, double rate, TimeSpan drainTimeout, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        using var calls = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var start = clock.Elapsed;
        var running = new List<Task>(count);
        for (var i = 0; i < count && !cancellationToken.IsCancellationRequested; i++)
        {
            var scheduled = start + OpenLoopSchedule.SendTime(i, rate);
            try
            {
                await clock.WaitUntilAsync(scheduled, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            statistics.OnSent();
            running.Add(SendOneAsync(i, scheduled, calls.Token));
        }

        var timedOut = await DrainAsync(running, drainTimeout, calls).ConfigureAwait(false);
        return new DriveResult(clock.Elapsed - start, timedOut);
    }

    /// <summary>
    /// Closed loop: <paramref name="concurrency"/> workers each send their next request when the previous one was answered, until
    /// <paramref name="duration"/> passed or <paramref name="count"/> requests were sent. Latency counts from the actual send.
    /// </summary>
    public async Task<DriveResult> RunClosedAsync(
        int count, int concurrency, TimeSpan duration, TimeSpan drainTimeout, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(concurrency);
        using var calls = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var start = clock.Elapsed;
        var end = start + duration;
        var next = -1;
        var workers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            while (!cancellationToken.IsCancellationRequested && clock.Elapsed < end)
            {
                var index = Interlocked.Increment(ref next);
                if (index >= count)
                {
                    return;
                }

                statistics.OnSent();
                await SendOneAsync(index, null, calls.Token).ConfigureAwait(false);
            }
        })).ToList();
        using var stopWaiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var durationOver = clock.WaitUntilAsync(end, stopWaiting.Token);
        // Either the duration passed (workers then finish their current call) or every planned request was sent and answered.
        await Task.WhenAny(durationOver, Task.WhenAll(workers)).ConfigureAwait(false);
        await stopWaiting.CancelAsync().ConfigureAwait(false);
        await durationOver.ContinueWith(static _ => { }, TaskScheduler.Default).ConfigureAwait(false);

        var timedOut = await DrainAsync(workers, drainTimeout, calls).ConfigureAwait(false);
        return new DriveResult(clock.Elapsed - start, timedOut);
    }

    /// <summary>Sends one request; its latency counts from <paramref name="scheduled"/> (open loop) or from now (closed loop).</summary>
    private async Task SendOneAsync(int index, TimeSpan? scheduled, CancellationToken cancellationToken)
    {
        var sent = clock.Elapsed;
        var measuredFrom = scheduled ?? sent;
        SendOutcome outcome;
        try
        {
            outcome = await send(index, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            outcome = SendOutcome.Failed("Cancelled");
        }
        catch (Exception exception)
        {
            outcome = SendOutcome.Failed("ClientError:" + exception.GetType().Name);
        }

        var completed = clock.Elapsed;
        statistics.Record(completed - measuredFrom, outcome);
        log?.Record(index, scheduled, sent, completed, outcome);
    }

    private static async Task<bool> DrainAsync(List<Task> running, TimeSpan drainTimeout, CancellationTokenSource calls)
    {
        var all = Task.WhenAll(running);
        var finished = await Task.WhenAny(all, Task.Delay(drainTimeout)).ConfigureAwait(false) == all;
        if (!finished)
        {
            await calls.CancelAsync().ConfigureAwait(false);
        }

        // Every call observes the cancellation (gRPC calls end at once), so this is bounded too.
        await all.ConfigureAwait(false);
        return !finished;
    }
}
