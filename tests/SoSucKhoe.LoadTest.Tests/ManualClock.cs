using SoSucKhoe.LoadTest.Driving;

namespace SoSucKhoe.LoadTest.Tests;

/// <summary>
/// Virtual time for the driver. With <see cref="JumpOnWait"/> a wait moves time straight to its target (a driver that is never
/// late); otherwise waits complete when a test (or a fake call) moves time on with <see cref="Advance"/>.
/// </summary>
internal sealed class ManualClock(bool jumpOnWait) : LoadClock
{
    private readonly Lock _gate = new();
    private readonly List<(TimeSpan At, TaskCompletionSource Done)> _waiters = [];
    private TimeSpan _now;

    public bool JumpOnWait => jumpOnWait;

    public override TimeSpan Elapsed
    {
        get
        {
            lock (_gate)
            {
                return _now;
            }
        }
    }

    public void Advance(TimeSpan by)
    {
        List<TaskCompletionSource> due;
        lock (_gate)
        {
            _now += by;
            due = [.. _waiters.Where(w => w.At <= _now).Select(w => w.Done)];
            _waiters.RemoveAll(w => w.At <= _now);
        }

        foreach (var done in due)
        {
            done.TrySetResult();
        }
    }

    public override Task WaitUntilAsync(TimeSpan at, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (at <= _now)
            {
                return Task.CompletedTask;
            }

            if (jumpOnWait)
            {
                _now = at;
                return Task.CompletedTask;
            }

            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((at, done));
            return done.Task.WaitAsync(cancellationToken);
        }
    }
}
