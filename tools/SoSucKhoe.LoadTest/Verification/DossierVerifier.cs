using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Grpc.Core;
using Grpc.Net.Client;
using SoSucKhoe.Api.V1;
using SoSucKhoe.LoadTest.Hub;
using SoSucKhoe.LoadTest.Workload;

namespace SoSucKhoe.LoadTest.Verification;

/// <summary>
/// After a run, checks every dossier by identity through the public API and the gateway's record: it reads what the emulator
/// received since the run began and asks the hub (<c>Intake.GetDossierStatus</c>, with each facility's key) about every OK'd
/// dossier until all are acknowledged with the gateway's receipt and the same bytes, or the deadline passes; it asks once about
/// every dossier whose calls all failed (did the hub store it anyway?). Nothing here reads the hub's internals, so it holds for
/// any forwarding design behind the API.
/// </summary>
public sealed class DossierVerifier(
    GrpcChannel channel, IReadOnlyDictionary<string, string> facilityKeys, EmulatorRecord? gateway, long gatewayBaseline, TextWriter progress)
{
    private const int Parallelism = 16;
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan LastWordTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Round = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan ProgressEvery = TimeSpan.FromSeconds(5);

    private readonly Dictionary<string, Intake.IntakeClient> _clients = facilityKeys.ToDictionary(
        static pair => pair.Key, pair => new Intake.IntakeClient(Hub.BearerCalls.With(channel, pair.Value)), StringComparer.Ordinal);

    private readonly ConcurrentDictionary<HubQuery, HubRecord> _hub = new();
    private readonly List<GatewayCopy> _copies = [];
    private readonly HashSet<DossierKey> _atGateway = [];
    private long _cursor = gatewayBaseline;
    private bool _gatewayComplete = true;

    /// <summary>
    /// Drains and verifies. <paramref name="deadline"/> counts from now (the end of the load); disruptions are the outages and
    /// downtimes the delays are corrected for (read at the end); <paramref name="lifeEnds"/> tell the hub's lives apart.
    /// </summary>
    public async Task<VerificationResult> RunAsync(IReadOnlyList<SentRequest> requests, Func<IReadOnlyList<Disruption>> disruptions,
        IReadOnlyList<DateTimeOffset> lifeEnds, TimeSpan lateAfter, TimeSpan deadline, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requests);
        ArgumentNullException.ThrowIfNull(disruptions);
        var started = Stopwatch.GetTimestamp();
        var identities = requests.Where(static r => r.HasIdentity).GroupBy(static r => r.Key).Select(static g =>
        {
            var ok = g.FirstOrDefault(static r => r.Accepted);
            return (Key: g.Key, Okd: ok is not null, Query: new HubQuery(g.Key.Facility, g.Key.MaLk, ok?.Version ?? 0));
        }).ToList();
        var pending = identities.Where(static i => i.Okd).ToDictionary(static i => i.Key, static i => i.Query);
        var c = CultureInfo.InvariantCulture;
        await progress.WriteLineAsync(string.Create(c,
            $"verifying {pending.Count} OK'd dossiers by identity (deadline {deadline.TotalSeconds} s) and asking the hub about {identities.Count - pending.Count} whose calls failed…")).ConfigureAwait(false);

        await ReadGatewayAsync(cancellationToken).ConfigureAwait(false);
        // A failed call may still have been stored (the hub died after its commit, before its answer): such a dossier is owed too.
        var failed = identities.Where(static i => !i.Okd).Select(static i => i.Query).ToList();
        await AskAsync(failed, Remaining(started, deadline), cancellationToken).ConfigureAwait(false);
        foreach (var identity in identities.Where(i => !i.Okd && _hub.TryGetValue(i.Query, out var r) && r.State is not (HubState.NotFound or HubState.Unknown)
                     && r.Sha256 == i.Key.Sha256))
        {
            pending[identity.Key] = identity.Query;
        }

        double? drained = null;
        var nextProgress = Stopwatch.GetTimestamp();
        while (!cancellationToken.IsCancellationRequested)
        {
            await ReadGatewayAsync(cancellationToken).ConfigureAwait(false);
            var ask = pending.Where(p => gateway is null || !_gatewayComplete || _atGateway.Contains(p.Key)).ToList();
            await AskAsync(ask.Select(static p => p.Value).ToList(), Remaining(started, deadline), cancellationToken).ConfigureAwait(false);
            foreach (var (key, query) in ask)
            {
                if (_hub.TryGetValue(query, out var record) && record.Acknowledged && record.Sha256 == key.Sha256)
                {
                    pending.Remove(key);
                }
            }

            var elapsed = Stopwatch.GetElapsedTime(started);
            if (pending.Count == 0)
            {
                drained = Math.Round(elapsed.TotalSeconds, 2);
                break;
            }

            if (elapsed >= deadline)
            {
                break;
            }

            if (Stopwatch.GetTimestamp() >= nextProgress)
            {
                await progress.WriteLineAsync(string.Create(c, $"[verify {elapsed.TotalSeconds,6:F1}s] {pending.Count} not yet acknowledged")).ConfigureAwait(false);
                nextProgress = Stopwatch.GetTimestamp() + (long)(ProgressEvery.TotalSeconds * Stopwatch.Frequency);
            }

            try
            {
                await Task.Delay(Round, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        // The last word of the hub on what is still pending (its state and last error go into the report), bounded if it hangs.
        await AskAsync(pending.Values.ToList(), LastWordTimeout, CancellationToken.None).ConfigureAwait(false);
        await ReadGatewayAsync(CancellationToken.None).ConfigureAwait(false);
        var result = DossierVerification.Classify(new VerificationInput
        {
            Requests = requests,
            Hub = new Dictionary<HubQuery, HubRecord>(_hub),
            Gateway = gateway is null ? null : _copies,
            GatewayComplete = _gatewayComplete,
            Disruptions = disruptions(),
            LifeEnds = lifeEnds,
            LateAfter = lateAfter,
        }, drained, deadline.TotalSeconds);
        await progress.WriteLineAsync(string.Create(c,
            $"verification: {result.Okd} OK'd, {result.Acknowledged} acknowledged ({result.Late.Count} late), {result.Lost.Count} lost, {result.Duplicated.Count} duplicated, {result.FailedYetStored.Count} failed yet stored, {result.Mismatched.Count} mismatched")).ConfigureAwait(false);
        return result;
    }

    private async Task ReadGatewayAsync(CancellationToken cancellationToken)
    {
        if (gateway is null)
        {
            return;
        }

        try
        {
            var (copies, last, gap) = await gateway.ReadAfterAsync(_cursor, cancellationToken).ConfigureAwait(false);
            if (gap)
            {
                _gatewayComplete = false;
            }

            _cursor = last;
            _copies.AddRange(copies);
            foreach (var copy in copies)
            {
                _atGateway.Add(copy.Key);
            }
        }
        catch (HttpRequestException)
        {
            // The emulator did not answer this round; the next one reads on from the same place.
        }
    }

    private static TimeSpan Remaining(long started, TimeSpan deadline)
    {
        var left = deadline - Stopwatch.GetElapsedTime(started);
        return left > CallTimeout ? left : CallTimeout;
    }

    /// <summary>Asks the hub about each query (a round of at most <paramref name="within"/>: a hung hub cannot hold the drain).</summary>
    private async Task AskAsync(List<HubQuery> queries, TimeSpan within, CancellationToken cancellationToken)
    {
        if (queries.Count == 0)
        {
            return;
        }

        using var round = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        round.CancelAfter(within);
        try
        {
            await AskAllAsync(queries, round.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The round ran out of time; what was not answered stays unknown or pending.
        }
    }

    private async Task AskAllAsync(IReadOnlyList<HubQuery> queries, CancellationToken cancellationToken)
    {
        await Parallel.ForEachAsync(queries, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (query, token) =>
            {
                if (!_clients.TryGetValue(query.Facility, out var client))
                {
                    return;
                }

                try
                {
                    var status = await client.GetDossierStatusAsync(
                            new GetDossierStatusRequest { DossierId = query.Facility + ":" + query.MaLk, Version = query.Version },
                            deadline: DateTime.UtcNow + CallTimeout, cancellationToken: token)
                        .ConfigureAwait(false);
                    _hub[query] = Describe(status);
                }
                catch (RpcException exception) when (exception.StatusCode == StatusCode.NotFound)
                {
                    _hub[query] = HubRecord.NotFound;
                }
                catch (RpcException)
                {
                    // Unavailable, refused for the rate or cut off: asked again in the next round.
                }
            }).ConfigureAwait(false);
    }

    /// <summary>The public status as the verification's record.</summary>
    public static HubRecord Describe(DossierStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        _ = ContentHash.TryParse(status.ContentSha256, out var hash);
        var state = status.State switch
        {
            DossierState.Accepted => HubState.Accepted,
            DossierState.Forwarding => HubState.Forwarding,
            DossierState.Acknowledged => HubState.Acknowledged,
            DossierState.RejectedByGateway => HubState.RejectedByGateway,
            _ => HubState.Unknown,
        };
        return new HubRecord(
            state,
            status.Version,
            hash,
            status.Receipt is { MaGiaoDich.Length: > 0 } receipt ? receipt.MaGiaoDich : null,
            status.Receipt?.ReceivedAt?.ToDateTimeOffset(),
            status.UpdatedAt?.ToDateTimeOffset(),
            string.IsNullOrEmpty(status.LastError) ? null : status.LastError);
    }
}
