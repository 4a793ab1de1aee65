using SoSucKhoe.LoadTest.Verification;

namespace SoSucKhoe.LoadTest.Drill;

/// <summary>Turns the stops, the calls and the verification into the drill's rows and verdict.</summary>
public static class DrillReport
{
    /// <param name="kills">The stops as done.</param>
    /// <param name="requests">Every call of the run.</param>
    /// <param name="verification">The verification by identity.</param>
    /// <param name="outages">The gateway outages.</param>
    /// <param name="runStart">The start of the measured run (time 0 of <c>--kills</c>).</param>
    /// <param name="nodes">How many nodes ran.</param>
    /// <param name="firstStartSeconds">Node 1's first start until it served.</param>
    /// <param name="strictDuplicates">Whether duplicates across a restart fail the drill.</param>
    public static DrillResult Build(IReadOnlyList<KillRecord> kills, IReadOnlyList<SentRequest> requests, VerificationResult verification,
        IReadOnlyList<Disruption> outages, DateTimeOffset runStart, int nodes, double firstStartSeconds, bool strictDuplicates)
    {
        ArgumentNullException.ThrowIfNull(kills);
        ArgumentNullException.ThrowIfNull(requests);
        ArgumentNullException.ThrowIfNull(verification);
        ArgumentNullException.ThrowIfNull(outages);
        var ordered = kills.OrderBy(static k => k.KilledAt).ToList();
        // Life i ends when the node stopped at kill i serves again; the next life begins there.
        var bounds = ordered.Select(static k => k.ReadyAt ?? DateTimeOffset.MaxValue).ToList();
        int LifeOf(DateTimeOffset at)
        {
            var life = 0;
            while (life < bounds.Count && at > bounds[life])
            {
                life++;
            }

            return life;
        }

        var dossiers = verification.Dossiers;
        var rows = new List<DrillKillRow>();
        for (var i = 0; i <= ordered.Count; i++)
        {
            var life = dossiers.Where(d => LifeOf(d.At) == i).ToList();
            var okd = life.Where(static d => d.Okd).ToList();
            var row = new DrillKillRow
            {
                Number = i < ordered.Count ? i + 1 : 0,
                Okd = okd.Count,
                Acknowledged = okd.Count(static d => d.Outcome is DossierOutcome.Acknowledged or DossierOutcome.Late),
                Late = okd.Count(static d => d.Outcome == DossierOutcome.Late),
                Lost = okd.Count(static d => d.Outcome == DossierOutcome.Lost),
                Duplicated = life.Count(static d => d.Duplicated),
                FailedCalls = requests.Count(r => !r.Accepted && LifeOf(r.CompletedAt) == i),
                FailedYetStored = life.Count(static d => d.FailedYetStored),
            };
            if (i < ordered.Count)
            {
                row = Describe(row, ordered[i], dossiers, requests, outages, runStart);
            }

            rows.Add(row);
        }

        var problems = ordered.Where(static k => k.Problem is not null).Select(static k => k.Problem!).ToList();
        problems.AddRange(verification.Failures(strictDuplicates));
        return new DrillResult
        {
            Nodes = nodes,
            FirstStartSeconds = firstStartSeconds,
            Kills = rows.Take(ordered.Count).ToList(),
            AfterLastRestart = rows[^1],
            Problems = problems,
        };
    }

    /// <summary>The first instant at or after <paramref name="at"/> that is in no outage.</summary>
    public static DateTimeOffset FirstUp(DateTimeOffset at, IReadOnlyList<Disruption> outages)
    {
        ArgumentNullException.ThrowIfNull(outages);
        var moved = true;
        while (moved)
        {
            moved = false;
            foreach (var outage in outages)
            {
                if (outage.From <= at && at < outage.To)
                {
                    at = outage.To;
                    moved = true;
                }
            }
        }

        return at;
    }

    private static DrillKillRow Describe(DrillKillRow row, KillRecord kill, IReadOnlyList<DossierVerdict> dossiers, IReadOnlyList<SentRequest> requests,
        IReadOnlyList<Disruption> outages, DateTimeOffset runStart)
    {
        var backlog = dossiers.Where(d => d.Okd && d.At <= kill.KilledAt && (d.DeliveredAt is null || d.DeliveredAt > kill.KilledAt)).ToList();
        var delivered = backlog.Where(static d => d.DeliveredAt is not null).ToList();
        DateTimeOffset? last = delivered.Count == 0 ? null : delivered.Max(static d => d.DeliveredAt!.Value);
        var firstOk = kill.RestartedAt is { } restarted
            ? requests.Where(r => r.Accepted && r.SentAt >= restarted).Select(static r => (DateTimeOffset?)r.CompletedAt).Min()
            : null;
        return row with
        {
            Node = kill.Event.Node,
            Signal = kill.Event.Signal,
            AtSeconds = Seconds(kill.KilledAt - runStart),
            DuringOutage = outages.Any(o => o.From <= kill.KilledAt && kill.KilledAt < o.To),
            BacklogAtKill = backlog.Count,
            BacklogDelivered = delivered.Count,
            BacklogDeliveredAfterServingSeconds = last is { } l && kill.ReadyAt is { } ready ? Seconds(l - ready) : null,
            BacklogDeliveredAfterBothUpSeconds = last is { } l2 && kill.ReadyAt is { } ready2 ? Seconds(l2 - FirstUp(ready2, outages)) : null,
            GoneAfterSeconds = kill.GoneAt is { } gone ? Seconds(gone - kill.KilledAt) : null,
            ServesAgainAfterSeconds = kill.ReadyAt is { } serving ? Seconds(serving - kill.KilledAt) : null,
            StartSeconds = kill.ReadyAt is { } up && kill.RestartedAt is { } start ? Seconds(up - start) : null,
            FirstOkAfterSeconds = firstOk is { } ok ? Seconds(ok - kill.KilledAt) : null,
            ForcedAfterTerm = kill.ForcedAfterTerm,
            Problem = kill.Problem,
        };
    }

    private static double Seconds(TimeSpan span) => Math.Round(span.TotalSeconds, 2);
}
