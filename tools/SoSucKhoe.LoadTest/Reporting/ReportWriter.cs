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
        md.AppendLine(c, $"| lost (accepted − distinct acknowledged) | {Show(o.Lost)} |");
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

    private static string Show(double? value, string unit = "") =>
        value is { } v ? v.ToString(CultureInfo.InvariantCulture) + unit : "–";

    private static string Show(long? value) => value is { } v ? v.ToString(CultureInfo.InvariantCulture) : "–";
}
