using System.Globalization;
using SoSucKhoe.LoadTest.Driving;
using SoSucKhoe.LoadTest.Verification;

namespace SoSucKhoe.LoadTest.Drill;

/// <summary>
/// Runs the hub nodes of a drill: starts each and waits until it serves, then, while the load runs, stops the planned node at
/// each planned moment (SIGKILL of its process group, or SIGTERM), waits until the group is gone, starts it again on the same
/// data after <see cref="DrillOptions.RestartAfter"/> and waits until it serves again, recording every instant.
/// </summary>
public sealed class DrillConductor(DrillOptions options, IReadOnlyList<HubNode> nodes, IReadOnlyList<ReadinessProbe> probes, TextWriter progress)
    : IAsyncDisposable
{
    private readonly List<KillRecord> _kills = [];
    private readonly Lock _gate = new();
    private DateTimeOffset? _down;

    /// <summary>The stops done so far.</summary>
    public IReadOnlyList<KillRecord> Kills
    {
        get
        {
            lock (_gate)
            {
                return [.. _kills];
            }
        }
    }

    /// <summary>Seconds the first node took from its start to readiness.</summary>
    public double FirstStartSeconds { get; private set; }

    /// <summary>
    /// The times the stopped nodes were down, from the signal until they served again (until now for a node not back yet): the
    /// verification does not count them as the forwarding's delay.
    /// </summary>
    public IReadOnlyList<Disruption> Downtimes()
    {
        lock (_gate)
        {
            var downtimes = _kills.Select(static k => new Disruption(k.KilledAt, k.ReadyAt ?? DateTimeOffset.UtcNow, Disruption.HubDown)).ToList();
            if (_down is { } down)
            {
                downtimes.Add(new Disruption(down, DateTimeOffset.UtcNow, Disruption.HubDown));
            }

            return downtimes;
        }
    }

    /// <summary>Starts every node and waits until each serves.</summary>
    /// <exception cref="DrillException">A node did not get ready in time.</exception>
    public async Task StartAllAsync(CancellationToken cancellationToken)
    {
        foreach (var node in nodes)
        {
            var started = DateTimeOffset.UtcNow;
            node.Start();
            if (!await probes[node.Number - 1].WaitAsync(options.StartTimeout, () => node.IsRunning, cancellationToken).ConfigureAwait(false))
            {
                throw new DrillException($"node {node.Number} did not serve within {options.StartTimeout.TotalSeconds} s ({probes[node.Number - 1].Describe()}); see its output in the hub log");
            }

            var seconds = Math.Round((DateTimeOffset.UtcNow - started).TotalSeconds, 2);
            if (node.Number == 1)
            {
                FirstStartSeconds = seconds;
            }

            await progress.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"node {node.Number} serves, {seconds} s after its start")).ConfigureAwait(false);
        }
    }

    /// <summary>Stops and restarts nodes as planned, counting the plan's times from <paramref name="runStart"/> on <paramref name="clock"/>.</summary>
    public async Task RunAsync(LoadClock clock, TimeSpan runStart, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var c = CultureInfo.InvariantCulture;
        var number = 0;
        foreach (var planned in options.Kills)
        {
            await clock.WaitUntilAsync(runStart + planned.At, cancellationToken).ConfigureAwait(false);
            var node = nodes[planned.Node - 1];
            var killedAt = DateTimeOffset.UtcNow;
            lock (_gate)
            {
                _down = killedAt;
            }

            var forced = await node.StopAsync(planned.Graceful, options.StopTimeout).ConfigureAwait(false);
            var goneAt = DateTimeOffset.UtcNow;
            await Task.Delay(options.RestartAfter, cancellationToken).ConfigureAwait(false);
            var restartedAt = DateTimeOffset.UtcNow;
            node.Start();
            var ready = await probes[node.Number - 1].WaitAsync(options.StartTimeout, () => node.IsRunning, cancellationToken).ConfigureAwait(false);
            var readyAt = ready ? DateTimeOffset.UtcNow : (DateTimeOffset?)null;
            var record = new KillRecord
            {
                Number = ++number,
                Event = planned,
                KilledAt = killedAt,
                GoneAt = goneAt,
                ForcedAfterTerm = forced,
                RestartedAt = restartedAt,
                ReadyAt = readyAt,
                Problem = ready ? null : $"node {node.Number} did not serve again within {options.StartTimeout.TotalSeconds} s of its restart",
            };
            lock (_gate)
            {
                _kills.Add(record);
                _down = null;
            }

            await progress.WriteLineAsync(string.Create(c,
                $"stop {record.Number}: SIG{planned.Signal} to node {node.Number} at {planned.At.TotalSeconds} s; gone after {(goneAt - killedAt).TotalSeconds:F2} s{(forced ? " (SIGKILL after the stop timeout)" : string.Empty)}, restarted, {(ready ? $"serving again {(readyAt!.Value - killedAt).TotalSeconds:F2} s after the signal" : record.Problem)}"))
                .ConfigureAwait(false);
        }
    }

    /// <summary>Stops every node (SIGTERM, then SIGKILL after the stop timeout).</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var node in nodes)
        {
            await node.DisposeAsync().ConfigureAwait(false);
        }
    }
}

/// <summary>The drill could not run as planned (a node did not start).</summary>
public sealed class DrillException(string message) : Exception(message);
