using System.Text.Json;
using SoSucKhoe.LoadTest.Driving;
using SoSucKhoe.LoadTest.Hub;
using SoSucKhoe.LoadTest.Reporting;

namespace SoSucKhoe.LoadTest.Tests;

public sealed class ReportMathTests
{
    [Fact]
    public void Accepted_per_second_divides_by_the_elapsed_time_and_is_zero_without_time()
    {
        Assert.Equal(50, ReportMath.PerSecond(500, TimeSpan.FromSeconds(10)));
        Assert.Equal(33.33, ReportMath.PerSecond(100, TimeSpan.FromSeconds(3)));
        Assert.Equal(0, ReportMath.PerSecond(100, TimeSpan.Zero));
    }

    [Fact]
    public void Latency_percentiles_come_from_the_histogram_in_milliseconds()
    {
        var histogram = new LatencyHistogram();
        for (var ms = 1; ms <= 100; ms++)
        {
            histogram.Record(TimeSpan.FromMilliseconds(ms));
        }

        var summary = histogram.Summarize();
        Assert.Equal(100, summary.Count);
        Assert.Equal(50, summary.P50Ms, tolerance: 0.1);
        Assert.Equal(95, summary.P95Ms, tolerance: 0.1);
        Assert.Equal(99, summary.P99Ms, tolerance: 0.1);
        Assert.Equal(100, summary.MaxMs, tolerance: 0.1);
        Assert.Equal(50.5, summary.MeanMs, tolerance: 0.1);
    }

    [Fact]
    public void An_empty_histogram_summarizes_to_zeros() => Assert.Equal(LatencySummary.Empty, new LatencyHistogram().Summarize());

    [Fact]
    public void Errors_are_counted_by_grpc_status_and_accepted_ids_are_kept()
    {
        var statistics = new LoadStatistics();
        statistics.Record(TimeSpan.FromMilliseconds(5), SendOutcome.Ok("70001:A"));
        statistics.Record(TimeSpan.FromMilliseconds(5), SendOutcome.Ok("70001:B", duplicate: true));
        statistics.Record(TimeSpan.FromMilliseconds(5), SendOutcome.Failed("Unavailable"));
        statistics.Record(TimeSpan.FromMilliseconds(5), SendOutcome.Failed("Unavailable"));
        statistics.Record(TimeSpan.FromMilliseconds(5), SendOutcome.Failed("InvalidArgument"));

        Assert.Equal(2, statistics.Accepted);
        Assert.Equal(1, statistics.Duplicates);
        Assert.Equal(3, statistics.Failed);
        Assert.Equal(new Dictionary<string, long> { ["InvalidArgument"] = 1, ["Unavailable"] = 2 }, statistics.Errors);
        Assert.Equal(["70001:A", "70001:B"], statistics.AcceptedIds);
    }

    [Fact]
    public void The_lag_sample_is_spread_evenly_over_the_accepted_dossiers()
    {
        var items = Enumerable.Range(0, 100).ToList();
        Assert.Equal([0, 25, 50, 74, 99], ReportMath.EvenSample(items, 5));
        Assert.Equal(items, ReportMath.EvenSample(items, 500));
        Assert.Empty(ReportMath.EvenSample(items, 0));
        Assert.Equal([0], ReportMath.EvenSample(items, 1));
    }

    [Fact]
    public void Gateway_counters_are_read_from_the_emulator_stats_json_and_reported_as_the_change_over_the_run()
    {
        using var before = JsonDocument.Parse("""{"received":10,"checkIns":0,"dossiers":10,"duplicates":1,"orderViolations":0,"rejected":0}""");
        using var after = JsonDocument.Parse("""{"received":110,"checkIns":0,"dossiers":108,"duplicates":3,"orderViolations":2,"rejected":1}""");

        var delta = GatewayStatsReader.Parse(after.RootElement).Minus(GatewayStatsReader.Parse(before.RootElement));

        Assert.Equal(new GatewayCounters(100, 98, 2, 2, 1), delta);
    }

    [Fact]
    public void The_reports_show_throughput_percentiles_and_errors_by_status()
    {
        var report = new LoadReport
        {
            Mode = "open", TargetRate = 50, Concurrency = 0, DurationSeconds = 10, Facilities = 2, Citizens = 10, Planned = 500,
            Sent = 500, Accepted = 498, Duplicates = 0, Failed = 2, ElapsedSeconds = 10, AcceptedPerSecond = 49.8, DrainTimedOut = false,
            Latency = new LatencySummary(500, 12.5, 40, 80, 120, 15),
            ErrorsByStatus = new Dictionary<string, long> { ["Unavailable"] = 2 },
        };

        var markdown = ReportWriter.ToMarkdown(report);
        Assert.Contains("| accepted per second | 49.8 |", markdown, StringComparison.Ordinal);
        Assert.Contains("| latency p50 / p95 / p99 / max (ms) | 12.5 / 40 / 80 / 120 |", markdown, StringComparison.Ordinal);
        Assert.Contains("| Unavailable | 2 |", markdown, StringComparison.Ordinal);

        using var json = JsonDocument.Parse(ReportWriter.ToJson(report));
        Assert.Equal(49.8, json.RootElement.GetProperty("acceptedPerSecond").GetDouble());
        Assert.Equal(80, json.RootElement.GetProperty("latency").GetProperty("p99Ms").GetDouble());
        Assert.Equal(2, json.RootElement.GetProperty("errorsByStatus").GetProperty("Unavailable").GetInt64());
    }
}
