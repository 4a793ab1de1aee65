using System.Globalization;
using System.Text;
using System.Text.Json;

namespace SoSucKhoe.LoadTest.Reporting;

/// <summary>Writes a <see cref="LoadReport"/> as report.json and report.md.</summary>
public static class ReportWriter
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static string ToJson(LoadReport report) => JsonSerializer.Serialize(report, Json);

    public static string ToMarkdown(LoadReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var c = CultureInfo.InvariantCulture;
        var md = new StringBuilder();
        md.AppendLine("# Load test report").AppendLine();
        md.AppendLine(c, $"Mode **{report.Mode}**, target {report.TargetRate} dossiers/s, concurrency {report.Concurrency}, duration {report.DurationSeconds} s (after {report.WarmupSeconds} s warm-up), {report.Facilities} facilities, {report.Citizens} citizens.").AppendLine();
        md.AppendLine("| metric | value |").AppendLine("| --- | --- |");
        md.AppendLine(c, $"| planned / sent | {report.Planned} / {report.Sent} |");
        md.AppendLine(c, $"| accepted (duplicates) | {report.Accepted} ({report.Duplicates}) |");
        md.AppendLine(c, $"| failed | {report.Failed} |");
        md.AppendLine(c, $"| elapsed | {report.ElapsedSeconds} s{(report.DrainTimedOut ? " (drain timed out)" : string.Empty)} |");
        md.AppendLine(c, $"| accepted per second | {report.AcceptedPerSecond} |");
        md.AppendLine(c, $"| latency p50 / p95 / p99 / max (ms) | {report.Latency.P50Ms} / {report.Latency.P95Ms} / {report.Latency.P99Ms} / {report.Latency.MaxMs} |");
        md.AppendLine(c, $"| latency mean (ms) | {report.Latency.MeanMs} |");
        if (report.ForwardingLag is { } lag)
        {
            md.AppendLine(c, $"| forwarding lag sample: acknowledged / not | {lag.Acknowledged} / {lag.NotAcknowledged} of {lag.Sampled} |");
            md.AppendLine(c, $"| forwarding lag p50 / p95 / p99 / max (ms) | {lag.Lag.P50Ms} / {lag.Lag.P95Ms} / {lag.Lag.P99Ms} / {lag.Lag.MaxMs} |");
        }

        if (report.Gateway is { } gateway)
        {
            md.AppendLine(c, $"| gateway received / dossiers (warm-up and run) | {gateway.Received} / {gateway.Dossiers} |");
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

        md.AppendLine().AppendLine("Open-loop latency counts from each request's scheduled send time (no coordinated omission); closed-loop latency from the actual send.");
        return md.ToString();
    }

    public static async Task WriteAsync(LoadReport report, string directory, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        await File.WriteAllTextAsync(Path.Combine(directory, "report.json"), ToJson(report), cancellationToken).ConfigureAwait(false);
        await File.WriteAllTextAsync(Path.Combine(directory, "report.md"), ToMarkdown(report), cancellationToken).ConfigureAwait(false);
    }
}
