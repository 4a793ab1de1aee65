using System.Threading.Channels;

namespace SoSucKhoe.Silo.Security.Audit;

/// <summary>
/// Group commit for audit appends: callers queue their rows, one writer takes everything queued (up to
/// <see cref="MaxBatch"/>) and writes it in one transaction, then completes each caller with its id. While a commit is being
/// flushed to disk, the next appends gather, so a burst costs a few commits instead of one each; a caller still returns only
/// after its own row is committed. When a batch fails, its rows are retried one transaction each, so one bad row fails alone.
/// </summary>
internal sealed partial class AuditGroupCommit : IAsyncDisposable
{
    public const int MaxBatch = 512;

    private readonly Channel<Pending> _queue =
        Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true, AllowSynchronousContinuations = false });

    private readonly Func<IReadOnlyList<AuditRow>, CancellationToken, Task<long[]>> _writeBatch;
    private readonly Action _afterFailure;
    private readonly ILogger _logger;
    private readonly Task _writer;

    /// <param name="writeBatch">Writes the rows in one transaction and returns their ids, in order, once it is committed.</param>
    /// <param name="afterFailure">Called after a failed batch (e.g. to drop a connection that may be broken).</param>
    public AuditGroupCommit(
        Func<IReadOnlyList<AuditRow>, CancellationToken, Task<long[]>> writeBatch, Action afterFailure, ILogger logger)
    {
        _writeBatch = writeBatch;
        _afterFailure = afterFailure;
        _logger = logger;
        _writer = Task.Run(WriteLoopAsync);
    }

    /// <summary>Queues <paramref name="row"/> and completes with its id once it is committed.</summary>
    public Task<long> AppendAsync(AuditRow row, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var pending = new Pending(row, new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(AuditGroupCommit), "The audit trail is shut down.");
        }

        return pending.Completion.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Stops taking appends, writes what is queued, then stops.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writer.ConfigureAwait(false);
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<Pending>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
            }

            await WriteAsync(batch).ConfigureAwait(false);
            batch.Clear();
        }
    }

    private async Task WriteAsync(List<Pending> batch)
    {
        try
        {
            var ids = await _writeBatch([.. batch.Select(p => p.Row)], CancellationToken.None).ConfigureAwait(false);
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Completion.TrySetResult(ids[i]);
            }

            return;
        }
        catch (Exception exception) when (batch.Count > 1)
        {
            _afterFailure();
            LogBatchFailed(_logger, exception, batch.Count);
        }
        catch (Exception exception)
        {
            _afterFailure();
            LogEntryFailed(_logger, exception);
            batch[0].Completion.TrySetException(exception);
            return;
        }

        foreach (var pending in batch)
        {
            try
            {
                var ids = await _writeBatch([pending.Row], CancellationToken.None).ConfigureAwait(false);
                pending.Completion.TrySetResult(ids[0]);
            }
            catch (Exception exception)
            {
                _afterFailure();
                LogEntryFailed(_logger, exception);
                pending.Completion.TrySetException(exception);
            }
        }
    }

    private sealed record Pending(AuditRow Row, TaskCompletionSource<long> Completion);

    [LoggerMessage(Level = LogLevel.Warning, Message = "An audit batch of {Count} entries failed; writing them one by one")]
    private static partial void LogBatchFailed(ILogger logger, Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "An audit entry could not be written")]
    private static partial void LogEntryFailed(ILogger logger, Exception exception);
}
