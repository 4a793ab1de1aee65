using System.Globalization;
using System.Text;
using System.Text.Json;

namespace SoSucKhoe.LoadTest.Reporting;

/// <summary>Writes a <see cref="LoadReport"/> as report.json, report.md and chart.svg (the latency-over-time chart).</summary>
public static class ReportWriter
{
    public const string ChartFile = "chart.svg";
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static string ToJson(LoadReport report) => JsonSerializer.Serialize(report, Json);

    public static string ToMarkdown(LoadReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var c = CultureInfo.InvariantCulture;
        var md = new StringBuilder();
        md.AppendLine("# Load test report").AppendLine();
        md.AppendLine(c, $"Mode **{report.Mode}**{(report.Profile is null ? string.Empty : $" (profile {report.Profile})")}, target {report.TargetRate} dossiers/s, concurrency {report.Concurrency}, duration {report.DurationSeconds} s (after {report.WarmupSeconds} s warm-up), {report.Facilities} facilities, {report.Citizens} citizens ({report.CitizenOrder}), check-in share {report.CheckInShare:0.##}, size mix {report.SizeMix ?? "visit-type mix"}.").AppendLine();
        md.AppendLine(c, $"![latency over time]({ChartFile})").AppendLine();
        md.AppendLine("| metric | value |").AppendLine("| --- | --- |");
        md.AppendLine(c, $"| planned / sent | {report.Planned} / {report.Sent} |");
        md.AppendLine(c, $"| accepted (duplicates) | {report.Accepted} ({report.Duplicates}) |");
        md.AppendLine(c, $"| failed | {report.Failed} |");
        md.AppendLine(c, $"| elapsed | {report.ElapsedSeconds} s{(report.DrainTimedOut ? " (drain timed out)" : string.Empty)} |");
        md.AppendLine(c, $"| accepted per second{(report.Steps is null ? string.Empty : " (last step)")} | {report.AcceptedPerSecond} |");
        md.AppendLine(c, $"| latency p50 / p95 / p99 / max (ms){(report.Steps is null ? string.Empty : " (last step)")} | {report.Latency.P50Ms} / {report.Latency.P95Ms} / {report.Latency.P99Ms} / {report.Latency.MaxMs} |");
        md.AppendLine(c, $"| latency mean (ms) | {report.Latency.MeanMs} |");
        if (report.SigningStalls > 0)
        {
            md.AppendLine(c, $"| requests that waited for background signing | {report.SigningStalls} |");
        }

        ToolRuntime(md, report.Series);
        if (report.LatencyLog is { } log)
        {
            md.AppendLine(c, $"| per-request latency log | `{log}` ({report.LatencyLogRequests} requests, warm-up included) |");
        }

        if (report.ForwardingLag is { } lag)
        {
            md.AppendLine(c, $"| forwarding lag sample: acknowledged / not | {lag.Acknowledged} / {lag.NotAcknowledged} of {lag.Sampled} |");
            md.AppendLine(c, $"| forwarding lag p50 / p95 / p99 / max (ms) | {lag.Lag.P50Ms} / {lag.Lag.P95Ms} / {lag.Lag.P99Ms} / {lag.Lag.MaxMs} |");
        }

        if (report.Gateway is { } gateway)
        {
            md.AppendLine(c, $"| gateway received / dossiers / distinct / check-ins (warm-up and run) | {gateway.Received} / {gateway.Dossiers} / {gateway.DistinctDossiers} / {gateway.CheckIns} |");
            md.AppendLine(c, $"| gateway duplicates / order violations / rejected | {gateway.Duplicates} / {gateway.OrderViolations} / {gateway.Rejected} |");
        }

        md.AppendLine();
        if (report.ErrorsByStatus.Count == 0)
        {
            md.AppendLine("No errors.");
        }
        else
        {
            md.AppendLine("| gRPC status | count |").AppendLine("| --- | --- |");
            foreach (var (status, count) in report.ErrorsByStatus)
            {
                md.AppendLine(c, $"| {status} | {count} |");
            }
        }

        Steps(md, report);
        Drill(md, report);
        Verification(md, report);
        Outage(md, report);
        Memory(md, report);
        Ceilings(md, report);
        md.AppendLine().AppendLine("Open-loop latency counts from each request's scheduled send time (no coordinated omission); closed-loop latency from the actual send. With check-ins in the mix, a request is the check-in and the dossier of one visit.");
        return md.ToString();
    }

    public static async Task WriteAsync(LoadReport report, string directory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        Directory.CreateDirectory(directory);
        await File.WriteAllTextAsync(Path.Combine(directory, "report.json"), ToJson(report), cancellationToken).ConfigureAwait(false);
        await File.WriteAllTextAsync(Path.Combine(directory, "report.md"), ToMarkdown(report), cancellationToken).ConfigureAwait(false);
        await File.WriteAllTextAsync(Path.Combine(directory, ChartFile), LatencyChart.ToSvg(report.Series, $"{report.Mode}: latency and throughput per second"), cancellationToken)
            .ConfigureAwait(false);
        if (report.Verification is { } verification)
        {
            await File.WriteAllTextAsync(Path.Combine(directory, DossiersFile), DossiersCsv(verification), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The per-dossier verdicts of the verification, one line per OK'd or stored dossier.</summary>
    public const string DossiersFile = "dossiers.csv";

    /// <summary>
    /// One CSV line per dossier the hub owed (OK'd, or stored although its calls failed): its identity, when it was OK'd, when the
    /// gateway first had it, its delay and effective delay in seconds, its copies at the gateway, the hub's state, the verdict.
    /// </summary>
    public static string DossiersCsv(Verification.VerificationResult verification)
    {
        ArgumentNullException.ThrowIfNull(verification);
        var c = CultureInfo.InvariantCulture;
        var csv = new StringBuilder("facility,ma_lk,version,sha256,okd,failed_yet_stored,calls,at_utc,delivered_utc,delay_s,effective_delay_s,gateway_copies,copies_across_restart,hub_state,outcome,problem\n");
        foreach (var d in verification.Dossiers.OrderBy(static d => d.At))
        {
            csv.Append(c, $"{d.Key.Facility},{d.Key.MaLk},{(d.Version > 0 ? d.Version.ToString(c) : string.Empty)},{d.Key.Sha256},{(d.Okd ? 1 : 0)},{(d.FailedYetStored ? 1 : 0)},{d.Calls},")
                .Append(c, $"{d.At.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss.fff'Z'},{(d.DeliveredAt is { } at ? at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", c) : string.Empty)},")
                .Append(c, $"{Show(d.DelaySeconds)},{Show(d.EffectiveDelaySeconds)},{d.GatewayCopies},{(d.CopiesAcrossRestart ? 1 : 0)},{d.HubState},{d.Outcome},")
                .Append('"').Append((d.Problem ?? d.HubLastError ?? string.Empty).Replace("\"", "'", StringComparison.Ordinal)).Append('"').Append('\n');
        }

        return csv.ToString();
    }

    private static void Verification(StringBuilder md, LoadReport report)
    {
        if (report.Verification is not { } v)
        {
            return;
        }

        var c = CultureInfo.InvariantCulture;
        md.AppendLine().AppendLine("## Every dossier by identity").AppendLine();
        md.AppendLine(c, $"Each call's dossier is known by its facility, MA_LK, the version the hub answered and SHA-256 of the bytes sent. After the load, every OK'd dossier was checked against {(v.GatewayChecked ? "the gateway emulator's record of what it received and " : string.Empty)}the hub's `GetDossierStatus` (acknowledged, with the gateway's receipt, the same bytes), until all were acknowledged or {v.DeadlineSeconds} s passed: {(v.DrainSeconds is { } drained ? $"all acknowledged {drained} s after the load" : "**the deadline passed first**")}. Late = kept waiting by the forwarding more than {v.LateAfterSeconds} s (gateway outages and hub downtime taken out).{(v.GatewayComplete ? string.Empty : " **The emulator's received list had dropped items of the run: for those only the hub's word counts.**")}").AppendLine();
        md.AppendLine("| count | value |").AppendLine("| --- | --- |");
        md.AppendLine(c, $"| calls / answered OK / failed | {v.Calls} / {v.OkdCalls} / {v.FailedCalls} |");
        md.AppendLine(c, $"| OK'd dossiers (distinct identities) | {v.Okd} |");
        md.AppendLine(c, $"| acknowledged (at the gateway, receipt and bytes agree) | {v.Acknowledged} |");
        md.AppendLine(c, $"| late | {v.Late.Count} |");
        md.AppendLine(c, $"| lost | {v.Lost.Count} |");
        md.AppendLine(c, $"| duplicated at the gateway (each counted once) / of which across a restart | {v.Duplicated.Count} / {v.DuplicatedAcrossRestart} |");
        md.AppendLine(c, $"| calls that failed yet were stored (the HIS would resend them) / not delivered | {v.FailedYetStored.Count} / {v.StoredNotDelivered.Count} |");
        md.AppendLine(c, $"| hub and gateway disagree | {v.Mismatched.Count} |");
        if (v.GatewayChecked)
        {
            md.AppendLine(c, $"| at the gateway with bytes no call sent | {v.AtGatewayNotSent} |");
        }

        md.AppendLine(c, $"| effective delay p50 / p99 / max (s) | {Show(v.EffectiveDelayP50Seconds)} / {Show(v.EffectiveDelayP99Seconds)} / {Show(v.EffectiveDelayMaxSeconds)} |");
        if (v.CallsWithoutIdentity > 0)
        {
            md.AppendLine(c, $"| calls without identity (failed before their dossier was taken) | {v.CallsWithoutIdentity} |");
        }

        List(md, "Late", v.Late);
        List(md, "Lost", v.Lost);
        List(md, "Duplicated", v.Duplicated);
        List(md, "Failed yet stored", v.FailedYetStored);
        List(md, "Hub and gateway disagree", v.Mismatched);
    }

    private static void List(StringBuilder md, string title, IReadOnlyList<Verification.DossierVerdict> dossiers)
    {
        const int Shown = 20;
        if (dossiers.Count == 0)
        {
            return;
        }

        var c = CultureInfo.InvariantCulture;
        md.AppendLine().AppendLine(c, $"{title} ({dossiers.Count}{(dossiers.Count > Shown ? $", the first {Shown}; all in {DossiersFile}" : string.Empty)}):").AppendLine();
        md.AppendLine("| dossier | version | OK'd (or failed) at (UTC) | at the gateway (UTC) | delay / effective (s) | copies | hub | note |");
        md.AppendLine("| --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var d in dossiers.OrderBy(static d => d.At).Take(Shown))
        {
            md.AppendLine(c, $"| `{d.Key}` | {(d.Version > 0 ? d.Version.ToString(c) : "–")} | {d.At.UtcDateTime:HH:mm:ss.fff} | {(d.DeliveredAt is { } at ? at.UtcDateTime.ToString("HH:mm:ss.fff", c) : "never")} | {Show(d.DelaySeconds)} / {Show(d.EffectiveDelaySeconds)} | {d.GatewayCopies}{(d.CopiesAcrossRestart ? " (across a restart)" : string.Empty)} | {d.HubState} | {d.Problem ?? d.HubLastError ?? string.Empty} |");
        }
    }

    private static void Drill(StringBuilder md, LoadReport report)
    {
        if (report.Drill is not { } d)
        {
            return;
        }

        var c = CultureInfo.InvariantCulture;
        md.AppendLine().AppendLine("## Drill").AppendLine();
        md.AppendLine(c, $"{d.Nodes} node(s); node 1 served {d.FirstStartSeconds} s after its first start. Verdict: **{(d.Passed ? "PASS" : "FAIL")}**{(d.Passed ? string.Empty : ": " + string.Join("; ", d.Problems))}.").AppendLine();
        md.AppendLine("Counts are by dossier identity over the life of the hub that the stop ended (OK'd after the previous restart served). Backlog: OK'd dossiers not yet at the gateway at the signal; delivered: the last of them reached the gateway this long after the hub served again (after both the hub and the gateway were up).").AppendLine();
        md.AppendLine("| stop | signal | at (s) | outage | OK'd | ack'd | late | lost | dup | failed calls | failed yet stored | backlog → delivered | last delivered after serving / both up (s) | gone after (s) | serves again after (s) | start (s) | first OK after (s) |");
        md.AppendLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var k in d.Kills)
        {
            md.AppendLine(c, $"| {k.Number}{(d.Nodes > 1 ? $" (node {k.Node})" : string.Empty)} | {k.Signal}{(k.ForcedAfterTerm ? " → KILL" : string.Empty)} | {Show(k.AtSeconds)} | {(k.DuringOutage ? "yes" : "no")} | {k.Okd} | {k.Acknowledged} | {k.Late} | {k.Lost} | {k.Duplicated} | {k.FailedCalls} | {k.FailedYetStored} | {k.BacklogAtKill} → {k.BacklogDelivered} | {After(k.BacklogDeliveredAfterServingSeconds)} / {After(k.BacklogDeliveredAfterBothUpSeconds)} | {Show(k.GoneAfterSeconds)} | {Show(k.ServesAgainAfterSeconds)} | {Show(k.StartSeconds)} | {Show(k.FirstOkAfterSeconds)} |");
        }

        var a = d.AfterLastRestart;
        md.AppendLine(c, $"| after the last restart | | | | {a.Okd} | {a.Acknowledged} | {a.Late} | {a.Lost} | {a.Duplicated} | {a.FailedCalls} | {a.FailedYetStored} | | | | | | |");
        if (d.HubLog is { } log)
        {
            md.AppendLine().AppendLine(c, $"The hub's output: `{log}`.");
        }
    }

    /// <summary>The tool's own GC and thread pool over the run, from the per-second series (rows of the metric table).</summary>
    private static void ToolRuntime(StringBuilder md, IReadOnlyList<Driving.TimeSample> series)
    {
        var sampled = series.Where(static s => s.ToolGcPauseMs is not null).ToList();
        if (sampled.Count == 0)
        {
            return;
        }

        var c = CultureInfo.InvariantCulture;
        var worst = sampled.MaxBy(static s => s.ToolGcPauseMs!.Value)!;
        var busiest = sampled.MaxBy(static s => s.ToolThreadPoolQueue ?? 0)!;
        md.AppendLine(c, $"| tool's own GC: pause total / worst second (ms) | {Math.Round(sampled.Sum(static s => s.ToolGcPauseMs!.Value), 3)} / {worst.ToolGcPauseMs} at {worst.AtSeconds} s |");
        md.AppendLine(c, $"| tool's own GC: gen0 / gen1 / gen2 collections | {sampled.Sum(static s => s.ToolGen0Collections ?? 0)} / {sampled.Sum(static s => s.ToolGen1Collections ?? 0)} / {sampled.Sum(static s => s.ToolGen2Collections ?? 0)} |");
        md.AppendLine(c, $"| tool's thread pool: longest queue / threads then | {busiest.ToolThreadPoolQueue ?? 0} at {busiest.AtSeconds} s / {busiest.ToolThreadPoolThreads} |");
    }

    private static void Steps(StringBuilder md, LoadReport report)
    {
        if (report.Steps is not { } steps)
        {
            return;
        }

        var c = CultureInfo.InvariantCulture;
        md.AppendLine().AppendLine("## Max: rate steps").AppendLine();
        md.AppendLine(c, $"Highest offered rate with p99 < {report.P99LimitMs} ms, no errors and accepted ≥ 95 % of offered: **{(report.BestRate is { } best ? best.ToString(c) + " dossiers/s" : "none")}**.").AppendLine();
        md.AppendLine("| step | offered/s | sent | accepted | accepted/s | p50 / p99 / max (ms) | failed | verdict |");
        md.AppendLine("| --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var s in steps)
        {
            md.AppendLine(c, $"| {s.Step} | {s.OfferedRate} | {s.Sent} | {s.Accepted} | {s.AcceptedPerSecond} | {s.Latency.P50Ms} / {s.Latency.P99Ms} / {s.Latency.MaxMs} | {s.Failed} | {s.Failure ?? "pass"} |");
        }
    }

    private static void Outage(StringBuilder md, LoadReport report)
    {
        if (report.Outage is not { } o)
        {
            return;
        }

        var c = CultureInfo.InvariantCulture;
        md.AppendLine().AppendLine("## Gateway outage and drain").AppendLine();
        md.AppendLine(c, $"Outage from {o.OutageAtSeconds} s for {o.OutageForSeconds} s at {o.ArrivalRate} arrivals/s. Target: drain ≥ 5 × arrival, nothing lost or dead-lettered: **{(o.MeetsTarget ? "met" : "not met")}**.").AppendLine();
        md.AppendLine("| metric | value |").AppendLine("| --- | --- |");
        md.AppendLine(c, $"| backlog at the end of the outage / peak | {o.BacklogAtEnd} / {o.PeakBacklog} |");
        md.AppendLine(c, $"| first acknowledgement after the outage | {Show(o.SecondsToFirstAcknowledgement, " s")} |");
        md.AppendLine(c, $"| caught up | {(o.CaughtUp ? "yes" : "no")}, after {Show(o.SecondsToCatchUp, " s")} |");
        md.AppendLine(c, $"| drain rate (acknowledged/s at the gateway) / net backlog reduction/s | {Show(o.DrainRate)} / {Show(o.NetDrainRate)} |");
        md.AppendLine(c, $"| drain ÷ arrival | {Show(o.Ratio)} |");
        md.AppendLine(c, $"| lost (OK'd, not at the gateway when the drain ended, by identity) | {Show(o.Lost)} |");
        md.AppendLine(c, $"| dead-lettered (ListRejectedDossiers) / gateway rejected | {Show(o.DeadLettered)} / {Show(o.GatewayRejected)} |");
    }

    private static void Memory(StringBuilder md, LoadReport report)
    {
        if (report.Memory is not { } samples || report.MemoryTrend is not { } trend)
        {
            return;
        }

        var c = CultureInfo.InvariantCulture;
        md.AppendLine().AppendLine("## Hub memory (VmRSS)").AppendLine();
        md.AppendLine(c, $"{trend.Samples} samples: first {trend.FirstMiB} MiB, last {trend.LastMiB} MiB, peak {trend.PeakMiB} MiB (target < 1536 MiB); slope {trend.SlopeMiBPerHour} MiB/h overall, {trend.SecondHalfSlopeMiBPerHour} MiB/h over the second half.").AppendLine();
        md.AppendLine("| minute | RSS (MiB) |").AppendLine("| --- | --- |");
        foreach (var sample in samples)
        {
            md.AppendLine(c, $"| {sample.AtSeconds / 60:0.##} | {sample.RssMiB} |");
        }
    }

    private static void Ceilings(StringBuilder md, LoadReport report)
    {
        if (report.Ceilings is not { } x)
        {
            return;
        }

        var c = CultureInfo.InvariantCulture;
        md.AppendLine().AppendLine("## Ceilings (same run, same machine)").AppendLine();
        md.AppendLine("| ceiling | measured | dossiers/s |").AppendLine("| --- | --- | --- |");
        md.AppendLine(c, $"| CPU: parse{(x.Validated ? " + validate" : " (no validation: reference data not found)")} + verify, one core | {x.CpuMsPerDossier} ms CPU ({x.WallMsPerDossier} ms wall) per dossier over {x.CpuDossiers}{(x.ProblemDossiers > 0 ? $", {x.ProblemDossiers} with findings" : string.Empty)} | {x.Cores} cores ÷ cost = {x.CpuCeilingPerSecond} |");
        md.AppendLine(c, $"| storage: SQLite WAL, synchronous=FULL (plain loop of the group-commit shape) | {x.CommitsPerSecondSingleRow} commits/s at 1 row; {x.RowsPerSecondBatched} rows/s at {x.BatchRows} rows per commit | ÷ {x.WritesPerDossier} writes per dossier = {x.StorageCeilingPerSecond} |");
        md.AppendLine(c, $"| achieved ÷ ceiling | {Show(x.Achieved)} ÷ {x.Ceiling} | {Show(x.AchievedShare)} |");
    }

    /// <summary>A delay after the restart served; a negative one means the stopping node itself delivered the backlog before it was gone.</summary>
    private static string After(double? seconds) => seconds < 0 ? "before the restart" : Show(seconds);

    private static string Show(double? value, string unit = "") =>
        value is { } v ? v.ToString(CultureInfo.InvariantCulture) + unit : "–";

    private static string Show(long? value) => value is { } v ? v.ToString(CultureInfo.InvariantCulture) : "–";
}
