
namespace SoSucKhoe.Grains.Runtime;

/// <summary>
/// The clock of Orleans' membership and silo health monitoring (the keyed <see cref="TimeProvider"/>
/// <see cref="TimeProviderNames.Membership"/>, which Orleans' watchdog also uses): the system clock, except that its timestamps
/// count from the moment the silo's services built this clock instead of from the machine's boot.
/// </summary>
/// <remarks>
/// <para>Why: Orleans 10.4.2's <c>Watchdog.Start</c> starts its platform thread before it stores the first timestamp of the
/// participant check (<c>_componentWatchdogTimestamp</c>), and the platform thread checks at once. <c>Thread.Start</c> returns only
/// after the new thread runs, so the platform thread nearly always wins and reads that field while it still holds 0. With the
/// system clock a timestamp of 0 is the machine's boot (<c>Stopwatch</c> counts from it on Linux), so the elapsed time is the
/// machine's uptime, above twice <c>ClusterMembershipOptions.LocalHealthDegradationMonitoringPeriod</c> (20 s) on any machine up
/// longer than that, and every start logged "Participant check thread has not completed for &lt;uptime&gt;" with a hint of
/// deadlock. A bare Orleans silo does the same: nothing in the hub's settings (grain collection, shedding, GC settings) causes it.</para>
/// <para>With this clock the unwritten 0 reads as the moment the silo was built, a few seconds before the watchdog starts, so the
/// first check finds no stall. Real stalls are measured as before: only differences between timestamps are used, and every
/// Orleans component that reads this key (membership, probes, health history) reads all of its timestamps from it.</para>
/// </remarks>
public sealed class MembershipClock : TimeProvider
{
    private readonly TimeProvider _system = System;
    private readonly long _origin = System.GetTimestamp();

    /// <inheritdoc />
    public override long TimestampFrequency => _system.TimestampFrequency;

    /// <inheritdoc />
    public override TimeZoneInfo LocalTimeZone => _system.LocalTimeZone;

    /// <summary>The system clock's timestamp less the one it had when this clock was made: 0 is the silo's start, not the boot.</summary>
    public override long GetTimestamp() => _system.GetTimestamp() - _origin;

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => _system.GetUtcNow();

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        _system.CreateTimer(callback, state, dueTime, period);
}
