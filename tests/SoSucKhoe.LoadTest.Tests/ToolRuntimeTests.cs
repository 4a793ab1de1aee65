using System.Text.Json;
using SoSucKhoe.LoadTest.Driving;
using SoSucKhoe.LoadTest.Reporting;

namespace SoSucKhoe.LoadTest.Tests;

public sealed class ToolRuntimeTests
{
    [Fact]
    public void A_full_collection_of_the_tool_shows_as_a_gen2_collection_and_pause_time_in_the_next_sample()
    {
        var sampler = new ToolRuntimeSampler();

        GC.Collect(2, GCCollectionMode.Forced, blocking: true);
        var sample = sampler.Next();

        Assert.True(sample.Gen2Collections >= 1, sample.ToString());
        Assert.True(sample.GcPauseMs > 0, sample.ToString());
        Assert.True(sample.Gen0Collections >= 0 && sample.Gen1Collections >= 0, sample.ToString());
        Assert.True(sample.ThreadPoolThreads > 0, sample.ToString());
    }

    [Fact]
    public void Each_sample_covers_only_the_time_since_the_previous_one()
    {
        var sampler = new ToolRuntimeSampler();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true);
        GC.Collect(2, GCCollectionMode.Forced, blocking: true);
        var first = sampler.Next();

        var second = sampler.Next();

        Assert.True(first.Gen2Collections >= 2, first.ToString());
        // Other tests may collect meanwhile, but not the two forced collections again.
        Assert.True(second.Gen2Collections < first.Gen2Collections || second.Gen2Collections == 0, second.ToString());
    }

    [Fact]
    public void The_per_second_series_carries_the_tools_runtime_and_the_report_adds_it_as_fields_and_summary_rows()
    {
        var series = new IntervalSeries();
        series.Record(TimeSpan.FromMilliseconds(12), accepted: true);
        var quiet = series.Cut(1, tool: new ToolRuntimeSample(0.5, 3, 0, 0, 8, 0));
        series.Record(TimeSpan.FromMilliseconds(900), accepted: true);
        var stalled = series.Cut(2, tool: new ToolRuntimeSample(640.25, 1, 1, 1, 9, 4200));
        var untouched = new IntervalSeries().Cut(1);

        Assert.Equal((0.5, 3, 8, 0L), (quiet.ToolGcPauseMs, quiet.ToolGen0Collections, quiet.ToolThreadPoolThreads, quiet.ToolThreadPoolQueue));
        Assert.Null(untouched.ToolGcPauseMs);
        var report = new LoadReport
        {
            Mode = "open", TargetRate = 1, Concurrency = 0, DurationSeconds = 2, Facilities = 1, Citizens = 1, Planned = 2, Sent = 2, Accepted = 2,
            Duplicates = 0, Failed = 0, ElapsedSeconds = 2, AcceptedPerSecond = 1, DrainTimedOut = false,
            Latency = new LatencySummary(2, 12, 900, 900, 900, 456), ErrorsByStatus = new Dictionary<string, long>(),
            Series = [quiet, stalled], LatencyLog = "out/requests.csv", LatencyLogRequests = 2,
        };

        var markdown = ReportWriter.ToMarkdown(report);
        using var json = JsonDocument.Parse(ReportWriter.ToJson(report));

        Assert.Contains("| tool's own GC: pause total / worst second (ms) | 640.75 / 640.25 at 2 s |", markdown, StringComparison.Ordinal);
        Assert.Contains("| tool's own GC: gen0 / gen1 / gen2 collections | 4 / 1 / 1 |", markdown, StringComparison.Ordinal);
        Assert.Contains("| tool's thread pool: longest queue / threads then | 4200 at 2 s / 9 |", markdown, StringComparison.Ordinal);
        Assert.Contains("`out/requests.csv` (2 requests", markdown, StringComparison.Ordinal);
        var second = json.RootElement.GetProperty("series")[1];
        Assert.Equal(640.25, second.GetProperty("toolGcPauseMs").GetDouble());
        Assert.Equal(1, second.GetProperty("toolGen2Collections").GetInt32());
        Assert.Equal(4200, second.GetProperty("toolThreadPoolQueue").GetInt64());
        // Only fields were added: the existing ones keep their names.
        Assert.Equal(stalled.MaxMs, second.GetProperty("maxMs").GetDouble());
        Assert.Equal(1, second.GetProperty("accepted").GetInt64());
        Assert.Equal("out/requests.csv", json.RootElement.GetProperty("latencyLog").GetString());
    }

    [Fact]
    public void A_report_without_runtime_samples_has_no_tool_rows()
    {
        var report = new LoadReport
        {
            Mode = "open", TargetRate = 1, Concurrency = 0, DurationSeconds = 1, Facilities = 1, Citizens = 1, Planned = 1, Sent = 1, Accepted = 1,
            Duplicates = 0, Failed = 0, ElapsedSeconds = 1, AcceptedPerSecond = 1, DrainTimedOut = false,
            Latency = new LatencySummary(1, 1, 1, 1, 1, 1), ErrorsByStatus = new Dictionary<string, long>(),
            Series = [new TimeSample(1, 1, 1, 0, 1, 1, 1)],
        };

        Assert.DoesNotContain("tool's", ReportWriter.ToMarkdown(report), StringComparison.Ordinal);
    }
}
