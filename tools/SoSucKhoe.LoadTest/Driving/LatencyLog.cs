using System.Globalization;
using System.Text;

namespace SoSucKhoe.LoadTest.Driving;

/// <summary>
/// The per-request latency log (<c>--latency-log</c>): every request of every drive of a run, kept in memory in arrays sized
/// before each drive (<see cref="BeginPhase"/>) and written as CSV once the run is over, so that logging neither allocates nor
/// writes while the load runs. Times are milliseconds, with microseconds, since the log was created (the start of the run);
/// the first line gives that instant in UTC so that the offsets can be lined up with traces of the hub and of the tool. Every line
/// carries the dossier's identity (facility, MA_LK, the version answered, SHA-256 of the bytes sent), which the run's verification
/// reads back (<see cref="Requests"/>). No personal data: MA_LK is the facility's episode key, never a citizen's identifier.
/// </summary>
public sealed class LatencyLog
{
    /// <summary>The CSV header line.</summary>
    public const string Header = "phase,index,scheduled_ms,sent_ms,completed_ms,latency_ms,status,kind,facility,dossier_bytes,checkin_ms,ma_lk,version,sha256";

    private readonly long _originTicks;
    private readonly List<LatencyLogPhase> _phases = [];
    private readonly Lock _gate = new();

    /// <summary>Starts the log at <paramref name="clock"/>'s present time, which becomes time 0 of every line.</summary>
    public LatencyLog(LoadClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        _originTicks = clock.Elapsed.Ticks;
        StartedUtc = DateTimeOffset.UtcNow;
    }

    /// <summary>The wall-clock time of time 0.</summary>
    public DateTimeOffset StartedUtc { get; }

    /// <summary>Requests recorded so far, over all phases.</summary>
    public long Count
    {
        get
        {
            lock (_gate)
            {
                return _phases.Sum(static p => (long)p.Count);
            }
        }
    }

    /// <summary>Requests that found no room, over all phases (0 expected).</summary>
    public long Dropped
    {
        get
        {
            lock (_gate)
            {
                return _phases.Sum(static p => p.Dropped);
            }
        }
    }

    internal NameTable Facilities { get; } = new();

    internal NameTable Statuses { get; } = new();

    internal TextArena Keys { get; } = new();

    /// <summary>Reserves room for the <paramref name="requests"/> of the next drive (call it before the drive starts).</summary>
    public LatencyLogPhase BeginPhase(string name, int requests)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfNegative(requests);
        var phase = new LatencyLogPhase(this, name, requests);
        lock (_gate)
        {
            _phases.Add(phase);
        }

        return phase;
    }

    /// <summary>Writes the log to <paramref name="path"/> (UTF-8, replaced if it exists); call it after the last drive.</summary>
    public void WriteFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } directory)
        {
            Directory.CreateDirectory(directory);
        }

        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16);
        WriteTo(writer);
    }

    /// <summary>
    /// Writes a comment line with the start time in UTC, a comment line on the columns, the header, then one line per request,
    /// phase by phase in the order they began, each ordered by index.
    /// </summary>
    public void WriteTo(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var c = CultureInfo.InvariantCulture;
        writer.WriteLine(string.Create(c, $"# run_start_utc={StartedUtc.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'}"));
        writer.WriteLine("# times: ms since run_start_utc on the tool's monotonic clock; latency_ms = completed_ms - scheduled_ms (open loop) or - sent_ms (closed loop); checkin_ms = the Intake.CheckIn part of a checkin+dossier request; ma_lk, version (as answered, empty when the call failed) and sha256 (of the bytes sent) identify the dossier");
        writer.WriteLine(Header);
        List<LatencyLogPhase> phases;
        lock (_gate)
        {
            phases = [.. _phases];
        }

        var line = new char[1536];
        foreach (var phase in phases)
        {
            foreach (var record in phase.Sorted())
            {
                writer.Write(line, 0, Format(phase.Name, record, line));
                writer.WriteLine();
            }
        }
    }

    /// <summary>
    /// Every recorded request with its identity and its times as UTC instants (time 0 is <see cref="StartedUtc"/>), phase by phase
    /// in the order they began, each ordered by index; call it after the last drive.
    /// </summary>
    public IReadOnlyList<Verification.SentRequest> Requests()
    {
        List<LatencyLogPhase> phases;
        lock (_gate)
        {
            phases = [.. _phases];
        }

        var requests = new List<Verification.SentRequest>(phases.Sum(static p => p.Count));
        foreach (var phase in phases)
        {
            foreach (var r in phase.Sorted())
            {
                requests.Add(new Verification.SentRequest(
                    phase.Name, r.Index, Facilities.Name(r.Facility), Keys.Read(r.MaLkAt, r.MaLkLength), r.Sha256, r.Version, Statuses.Name(r.Status),
                    At(r.SentTicks), At(r.CompletedTicks)));
            }
        }

        return requests;
    }

    /// <summary>The UTC instant of a tick count of the run's clock.</summary>
    public DateTimeOffset At(long ticks) => StartedUtc + TimeSpan.FromTicks(ticks - _originTicks);

    /// <summary>The UTC instant of a point of the run's clock.</summary>
    public DateTimeOffset At(TimeSpan elapsed) => At(elapsed.Ticks);

    private int Format(string phase, in LatencyRecord r, Span<char> line)
    {
        var c = CultureInfo.InvariantCulture;
        var open = r.ScheduledTicks != LatencyRecord.NotScheduled;
        var latency = r.CompletedTicks - (open ? r.ScheduledTicks : r.SentTicks);
        var kind = r.Facility < 0 ? string.Empty : r.CheckInTicks == LatencyRecord.NoCheckIn ? "dossier" : "checkin+dossier";
        var written = 0;
        var ok = line.TryWrite(c, $"{phase},{r.Index},", out var n);
        written += n;
        if (open)
        {
            ok &= line[written..].TryWrite(c, $"{Ms(r.ScheduledTicks - _originTicks):F3}", out n);
            written += n;
        }

        ok &= line[written..].TryWrite(c,
            $",{Ms(r.SentTicks - _originTicks):F3},{Ms(r.CompletedTicks - _originTicks):F3},{Ms(latency):F3},{Statuses.Name(r.Status)},{kind},{Facilities.Name(r.Facility)},{r.DossierBytes},",
            out n);
        written += n;
        if (r.CheckInTicks != LatencyRecord.NoCheckIn)
        {
            ok &= line[written..].TryWrite(c, $"{Ms(r.CheckInTicks):F3}", out n);
            written += n;
        }

        ok &= line[written..].TryWrite(c, $",{Keys.Read(r.MaLkAt, r.MaLkLength)},", out n);
        written += n;
        if (r.Version > 0)
        {
            ok &= line[written..].TryWrite(c, $"{r.Version}", out n);
            written += n;
        }

        ok &= line[written..].TryWrite(c, $",{r.Sha256}", out n);
        written += n;
        return ok ? written : throw new InvalidOperationException("a latency-log line did not fit its buffer");
    }

    private static double Ms(long ticks) => ticks / (double)TimeSpan.TicksPerMillisecond;
}
