namespace SoSucKhoe.LoadTest.Driving;

/// <summary>The time base of a run: elapsed time since an arbitrary origin, and waiting until a point on it.</summary>
public abstract class LoadClock
{
    public abstract TimeSpan Elapsed { get; }

    /// <summary>Completes once <see cref="Elapsed"/> reached <paramref name="at"/> (at once when it is already past).</summary>
    public abstract Task WaitUntilAsync(TimeSpan at, CancellationToken cancellationToken);
}
