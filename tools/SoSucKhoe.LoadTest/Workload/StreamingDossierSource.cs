using System.Collections.Concurrent;

namespace SoSucKhoe.LoadTest.Workload;

/// <summary>
/// Signs dossiers in the background, at most <c>window</c> ahead of the requests that take them, so that a run of hours
/// (millions of dossiers) needs the memory of the window only. Signing still happens before a dossier's send time unless the
/// producers fall behind; every such wait is counted in <see cref="Stalls"/> (and then shows in open-loop latency).
/// </summary>
public sealed class StreamingDossierSource : IDossierSource, IAsyncDisposable
{
    private readonly Func<int, PreparedDossier> _create;
    private readonly ConcurrentDictionary<int, TaskCompletionSource<PreparedDossier>> _slots = new();
    private readonly SemaphoreSlim _space;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _producers;
    private int _next = -1;
    private long _stalls;

    public StreamingDossierSource(Func<int, PreparedDossier> create, int count, int window, int producers)
    {
        ArgumentNullException.ThrowIfNull(create);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(window);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(producers);
        _create = create;
        Count = count;
        _space = new SemaphoreSlim(window, window);
        _producers = Task.WhenAll(Enumerable.Range(0, producers).Select(_ => Task.Run(ProduceAsync)));
    }

    public int Count { get; }

    public long Stalls => Interlocked.Read(ref _stalls);

    /// <summary>Dossiers signed and not yet taken.</summary>
    public int Buffered => _slots.Count(static s => s.Value.Task.IsCompleted);

    /// <summary>Completes once the window is full or every dossier is signed (call it before the clock starts).</summary>
    public async Task WaitForWindowAsync(CancellationToken cancellationToken)
    {
        while (_space.CurrentCount > 0 && Volatile.Read(ref _next) < Count - 1 && !_producers.IsCompleted)
        {
            await Task.Delay(50, cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask<PreparedDossier> TakeAsync(int index, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        var slot = Slot(index);
        if (!slot.Task.IsCompleted)
        {
            Interlocked.Increment(ref _stalls);
        }

        var dossier = await slot.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        _slots.TryRemove(index, out _);
        _space.Release();
        return dossier;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _producers.ContinueWith(static _ => { }, TaskScheduler.Default).ConfigureAwait(false);
        _stop.Dispose();
        _space.Dispose();
    }

    private TaskCompletionSource<PreparedDossier> Slot(int index) =>
        _slots.GetOrAdd(index, static _ => new TaskCompletionSource<PreparedDossier>(TaskCreationOptions.RunContinuationsAsynchronously));

    private async Task ProduceAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            await _space.WaitAsync(_stop.Token).ConfigureAwait(false);
            var index = Interlocked.Increment(ref _next);
            if (index >= Count)
            {
                _space.Release();
                return;
            }

            var slot = Slot(index);
            try
            {
                slot.TrySetResult(_create(index));
            }
            catch (Exception exception)
            {
                slot.TrySetException(exception);
            }
        }
    }
}
