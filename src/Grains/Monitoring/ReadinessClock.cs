namespace SoSucKhoe.Grains.Monitoring;

/// <summary>
/// The clock the readiness and monitoring grains read (certificate validity, silent hours, hourly buckets). It wraps the host's
/// <see cref="TimeProvider"/> by default; tests register their own to move time without touching the runtime's clock.
/// </summary>
public sealed class ReadinessClock(TimeProvider time)
{
    /// <summary>Now.</summary>
    public DateTimeOffset GetUtcNow() => time.GetUtcNow();
}
