using System.Threading.Channels;
using Grpc.Core;
using Microsoft.Extensions.Logging;
using Orleans.Streams;
using SoSucKhoe.Forwarding;
using SoSucKhoe.Monitoring;

namespace SoSucKhoe.Api.Monitoring;

/// <summary>
/// Follows one province's readiness changes for one watcher, in order, without gaps or duplicates: it subscribes to the
/// province's Orleans stream first (live changes wait in a bounded buffer), then replays what the aggregate still holds after
/// the watcher's sequence, then forwards live changes, skipping any already sent. A gap it cannot fill from the aggregate's log
/// ends the watch with OUT_OF_RANGE; a watcher too slow for the buffer is ended with ABORTED (it resumes from the last sequence
/// it received). The subscription is always removed when the watch ends.
/// </summary>
public sealed partial class ReadinessWatch(IClusterClient client, ILogger<ReadinessWatch> logger)
{
    /// <summary>Live changes buffered per watcher while it writes to its client.</summary>
    public const int BufferCapacity = 4096;

    /// <summary>Runs the watch until <paramref name="cancellation"/> fires (the client left) or a gap or overflow ends it.</summary>
    /// <param name="province">2-digit province code.</param>
    /// <param name="since">Deliver changes with a larger sequence; 0 for every change still held.</param>
    /// <param name="deliver">Sends one change to the watcher.</param>
    public async Task RunAsync(string province, long since, Func<ReadinessChange, Task> deliver, CancellationToken cancellation)
    {
        var buffer = Channel.CreateBounded<ReadinessChange>(new BoundedChannelOptions(BufferCapacity)
        {
            SingleReader = true,
            SingleWriter = false,
            FullMode = BoundedChannelFullMode.Wait,
        });
        var stream = client.GetStreamProvider(StreamNames.Provider)
            .GetStream<ReadinessChange>(StreamId.Create(StreamNames.ReadinessNamespace, province));
        // Never block the stream's delivery for other subscribers: a full buffer ends this watch instead.
        var subscription = await stream.SubscribeAsync(
            (change, _) =>
            {
                if (!buffer.Writer.TryWrite(change))
                {
                    buffer.Writer.TryComplete(new RpcException(new Status(StatusCode.Aborted,
                        "The watcher fell too far behind the province's changes; watch again from the last sequence received.")));
                }

                return Task.CompletedTask;
            },
            error =>
            {
                buffer.Writer.TryComplete(new RpcException(new Status(StatusCode.Unavailable,
                    "The province's change stream failed; watch again from the last sequence received.")));
                LogStreamFailed(logger, error, province);
                return Task.CompletedTask;
            },
            () =>
            {
                buffer.Writer.TryComplete();
                return Task.CompletedTask;
            });
        try
        {
            var aggregate = client.GetGrain<IProvinceReadinessGrain>(province);
            var current = (await aggregate.GetReadiness()).Sequence;
            if (since > current)
            {
                throw OutOfRange($"since_sequence {since} is ahead of the province's latest change ({current}).");
            }

            var expected = since + 1;
            var held = await aggregate.GetChangesSince(since);
            if (since == 0 && held.Count > 0)
            {
                // 0 means "whatever is still held": start at the oldest change the aggregate keeps.
                expected = held[0].Sequence;
            }

            expected = await ForwardAsync(held, expected, deliver);
            if (expected <= current && !(since == 0 && held.Count == 0))
            {
                throw OutOfRange($"Changes {expected}..{current} are no longer held; read GetProvinceReadiness and watch from its sequence.");
            }

            if (since == 0 && held.Count == 0)
            {
                expected = current + 1;
            }

            await foreach (var change in buffer.Reader.ReadAllAsync(cancellation))
            {
                if (change.Sequence < expected)
                {
                    continue;
                }

                if (change.Sequence > expected)
                {
                    // Missed on the stream (should not happen): fill from the aggregate's log, or give up.
                    var fill = await aggregate.GetChangesSince(expected - 1);
                    expected = await ForwardAsync(fill.Where(c => c.Sequence < change.Sequence).ToList(), expected, deliver);
                    if (change.Sequence != expected)
                    {
                        throw OutOfRange($"Changes {expected}..{change.Sequence - 1} are no longer held; read GetProvinceReadiness and watch again.");
                    }
                }

                await deliver(change);
                expected = change.Sequence + 1;
            }
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            // The watcher left: a normal end.
        }
        finally
        {
            buffer.Writer.TryComplete();
            try
            {
                await subscription.UnsubscribeAsync();
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                LogUnsubscribeFailed(logger, exception, province);
            }
        }
    }

    private static async Task<long> ForwardAsync(IReadOnlyList<ReadinessChange> changes, long expected, Func<ReadinessChange, Task> deliver)
    {
        foreach (var change in changes)
        {
            if (change.Sequence < expected)
            {
                continue;
            }

            if (change.Sequence > expected)
            {
                throw OutOfRange($"Changes {expected}..{change.Sequence - 1} are no longer held; read GetProvinceReadiness and watch from its sequence.");
            }

            await deliver(change);
            expected++;
        }

        return expected;
    }

    private static RpcException OutOfRange(string message) => new(new Status(StatusCode.OutOfRange, message));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Readiness stream of province {Province} failed for a watcher")]
    private static partial void LogStreamFailed(ILogger logger, Exception exception, string province);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not remove a readiness watch subscription of province {Province}")]
    private static partial void LogUnsubscribeFailed(ILogger logger, Exception exception, string province);
}
