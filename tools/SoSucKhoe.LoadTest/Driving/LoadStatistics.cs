using System.Collections.Concurrent;
using SoSucKhoe.LoadTest.Reporting;

namespace SoSucKhoe.LoadTest.Driving;

/// <summary>What a run observed so far; safe to update from many calls at once and to read for live progress.</summary>
/// <param name="series">Where each outcome is also recorded per interval, or null.</param>
public sealed class LoadStatistics(IntervalSeries? series = null)
{
    private readonly ConcurrentDictionary<string, long> _errors = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _acceptedIds = new();
    private long _sent;
    private long _completed;
    private long _accepted;
    private long _duplicates;
    private long _failed;

    public LatencyHistogram Latency { get; } = new();

    public long Sent => Interlocked.Read(ref _sent);

    public long Completed => Interlocked.Read(ref _completed);

    public long Accepted => Interlocked.Read(ref _accepted);

    public long Duplicates => Interlocked.Read(ref _duplicates);

    public long Failed => Interlocked.Read(ref _failed);

    public long InFlight => Sent - Completed;

    /// <summary>Failed calls by gRPC status name.</summary>
    public IReadOnlyDictionary<string, long> Errors => new SortedDictionary<string, long>(_errors, StringComparer.Ordinal);

    /// <summary>Ids of accepted dossiers, in completion order.</summary>
    public IReadOnlyList<string> AcceptedIds => [.. _acceptedIds];

    public void OnSent() => Interlocked.Increment(ref _sent);

    public void Record(TimeSpan latency, SendOutcome outcome)
    {
        Latency.Record(latency);
        series?.Record(latency, outcome.Accepted);
        if (outcome.Accepted)
        {
            Interlocked.Increment(ref _accepted);
            if (outcome.Duplicate)
            {
                Interlocked.Increment(ref _duplicates);
            }

            if (outcome.DossierId is not null)
            {
                _acceptedIds.Enqueue(outcome.DossierId);
            }
        }
        else
        {
            Interlocked.Increment(ref _failed);
            _errors.AddOrUpdate(outcome.ErrorStatus ?? "Unknown", 1, static (_, n) => n + 1);
        }

        Interlocked.Increment(ref _completed);
    }
}
