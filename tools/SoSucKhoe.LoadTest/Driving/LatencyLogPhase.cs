namespace SoSucKhoe.LoadTest.Driving;

/// <summary>
/// The part of a <see cref="LatencyLog"/> one drive writes to (the warm-up, the measured run, or one step of the max profile):
/// an array of <see cref="LatencyRecord"/> sized before the drive starts, filled in completion order with one interlocked
/// increment and one struct copy per request. Requests beyond the reserved size are counted in <see cref="Dropped"/>, not logged.
/// </summary>
public sealed class LatencyLogPhase
{
    private readonly LatencyLog _log;
    private readonly LatencyRecord[] _records;
    private int _last = -1;
    private long _dropped;

    internal LatencyLogPhase(LatencyLog log, string name, int capacity)
    {
        _log = log;
        Name = name;
        _records = new LatencyRecord[capacity];
    }

    /// <summary>The phase column of the log: <c>warmup</c>, <c>run</c> or <c>step&lt;n&gt;</c>.</summary>
    public string Name { get; }

    /// <summary>Requests recorded so far.</summary>
    public int Count => Math.Min(Volatile.Read(ref _last) + 1, _records.Length);

    /// <summary>Requests that found no room (0 unless more were sent than reserved).</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Records one answered (or failed) request; <paramref name="scheduled"/> is null in closed loop.</summary>
    public void Record(int index, TimeSpan? scheduled, TimeSpan sent, TimeSpan completed, in SendOutcome outcome)
    {
        var slot = Interlocked.Increment(ref _last);
        if ((uint)slot >= (uint)_records.Length)
        {
            Interlocked.Increment(ref _dropped);
            return;
        }

        var maLkAt = _log.Keys.Append(outcome.MaLk, out var maLkLength);
        _records[slot] = new LatencyRecord(
            index,
            scheduled is { } due ? due.Ticks : LatencyRecord.NotScheduled,
            sent.Ticks,
            completed.Ticks,
            outcome.CheckInTime is { } checkIn ? checkIn.Ticks : LatencyRecord.NoCheckIn,
            outcome.DossierBytes,
            _log.Facilities.Id(outcome.FacilityCode),
            _log.Statuses.Id(StatusName(outcome)),
            outcome.Sha256,
            outcome.Version,
            maLkAt,
            maLkLength);
    }

    /// <summary>The recorded requests ordered by index (call it after the drive ended).</summary>
    internal ReadOnlySpan<LatencyRecord> Sorted()
    {
        var records = _records.AsSpan(0, Count);
        records.Sort(static (a, b) => a.Index.CompareTo(b.Index));
        return records;
    }

    internal static string StatusName(in SendOutcome outcome) =>
        outcome.Accepted ? (outcome.Duplicate ? "Duplicate" : "OK") : outcome.ErrorStatus ?? "Unknown";
}
