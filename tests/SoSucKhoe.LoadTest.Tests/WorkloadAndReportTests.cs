using SoSucKhoe.LoadTest.Ceilings;
using SoSucKhoe.LoadTest.Driving;
using SoSucKhoe.LoadTest.Outage;
using SoSucKhoe.LoadTest.Reporting;
using SoSucKhoe.LoadTest.Search;
using SoSucKhoe.LoadTest.Soak;
using SoSucKhoe.LoadTest.Workload;

namespace SoSucKhoe.LoadTest.Tests;

/// <summary>
/// The load tool's workloads, searches and reports: the size mix, long stays, the streaming source, the max search, interval
/// series, the chart, the outage drain, the memory trend and the ceilings.
/// </summary>
public sealed class WorkloadAndReportTests
{
    private static LatencySummary P99(double ms) => new(100, ms / 2, ms, ms, ms, ms / 2);

    [Fact]
    public void A_size_mix_is_parsed_from_name_weight_pairs_and_picks_by_cumulative_weight()
    {
        var mix = SizeMix.Parse("outpatient:80, inpatient:15,long:5");

        Assert.Equal(0.8, mix.Share(DossierSize.Outpatient), 6);
        Assert.Equal(DossierSize.Outpatient, mix.Pick(0.0));
        Assert.Equal(DossierSize.Outpatient, mix.Pick(0.799));
        Assert.Equal(DossierSize.Inpatient, mix.Pick(0.80));
        Assert.Equal(DossierSize.Long, mix.Pick(0.96));
        Assert.Equal("outpatient:80,inpatient:15,long:5", mix.ToString());
    }

    [Theory]
    [InlineData("huge:5")]
    [InlineData("outpatient")]
    [InlineData("outpatient:-1")]
    [InlineData("outpatient:0")]
    [InlineData("long:1,long:2")]
    public void A_wrong_size_mix_is_a_usage_error(string text) =>
        Assert.Throws<UsageException>(() => SizeMix.Parse(text));

    [Fact]
    public void Long_stays_are_generated_with_hundreds_of_drug_and_service_rows_and_check_ins_carry_the_signed_xml0()
    {
        var generator = new WorkloadGenerator(seed: 3, facilityCount: 4, citizenCount: 1_000_000, checkInShare: 1, sizeMix: SizeMix.Parse("long:1"));

        var dossier = generator.Create(0);

        Assert.Equal(DossierSize.Long, dossier.Size);
        var text = System.Text.Encoding.UTF8.GetString(dossier.Document);
        Assert.Contains("<LOAIHOSO>XML2</LOAIHOSO>", text, StringComparison.Ordinal);
        Assert.True(dossier.Document.Length > 100_000, $"a long stay is large, was {dossier.Document.Length} bytes");
        Assert.NotNull(dossier.CheckIn);
        Assert.Equal(dossier.FacilityCode, dossier.CheckIn.FacilityCode);
        Assert.Equal(12, dossier.CheckIn.Patient.PersonalId.Length);
        Assert.Contains("CHI_TIEU_TRANG_THAI_KCB", System.Text.Encoding.UTF8.GetString(dossier.CheckIn.CheckInDocument.ToByteArray()), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_check_in_share_no_visit_starts_with_a_check_in()
    {
        var generator = new WorkloadGenerator(seed: 3, facilityCount: 4, citizenCount: 100);

        Assert.All(generator.Generate(10), d => Assert.Null(d.CheckIn));
    }

    [Fact]
    public async Task The_streaming_source_hands_out_every_dossier_once_and_keeps_at_most_the_window_signed()
    {
        var created = 0;
        await using var source = new StreamingDossierSource(i =>
        {
            Interlocked.Increment(ref created);
            return new PreparedDossier("70001", "01", [(byte)i]);
        }, count: 50, window: 5, producers: 2);
        await source.WaitForWindowAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(5, Volatile.Read(ref created));
        for (var i = 0; i < 50; i++)
        {
            var dossier = await source.TakeAsync(i, CancellationToken.None).AsTask().WaitAsync(TimeSpan.FromSeconds(10));
            Assert.Equal((byte)i, dossier.Document[0]);
        }

        Assert.Equal(50, Volatile.Read(ref created));
    }

    [Fact]
    public void The_max_search_steps_the_rate_and_judges_p99_errors_and_throughput()
    {
        var limit = TimeSpan.FromMilliseconds(100);

        Assert.Equal(50, MaxSearch.RateOf(0, 50, 50));
        Assert.Equal(200, MaxSearch.RateOf(3, 50, 50));
        Assert.Null(MaxSearch.Judge(100, 0, 99, P99(99.9), limit));
        Assert.Contains("p99", MaxSearch.Judge(100, 0, 100, P99(100), limit), StringComparison.Ordinal);
        Assert.Contains("failed", MaxSearch.Judge(100, 1, 100, P99(10), limit), StringComparison.Ordinal);
        Assert.Contains("95", MaxSearch.Judge(100, 0, 94.9, P99(10), limit), StringComparison.Ordinal);
    }

    [Fact]
    public void The_max_result_is_the_highest_passing_step_and_the_search_stops_at_the_first_failure_or_the_cap()
    {
        var steps = new[]
        {
            new StepResult(0, 50, 1000, 1000, 0, 50, P99(20), null),
            new StepResult(1, 100, 2000, 2000, 0, 100, P99(60), null),
            new StepResult(2, 150, 3000, 3000, 0, 140, P99(400), "p99"),
        };

        Assert.Equal(100, MaxSearch.Best(steps));
        Assert.Null(MaxSearch.Best([steps[2]]));
        Assert.True(MaxSearch.Continues(steps[1], 50, 150));
        Assert.False(MaxSearch.Continues(steps[1], 50, 149));
        Assert.False(MaxSearch.Continues(steps[2], 50, 1000));
    }

    [Fact]
    public void The_interval_series_closes_one_sample_per_cut_and_starts_the_next_empty()
    {
        var series = new IntervalSeries();
        series.Record(TimeSpan.FromMilliseconds(10), accepted: true);
        series.Record(TimeSpan.FromMilliseconds(30), accepted: true);
        series.Record(TimeSpan.FromMilliseconds(500), accepted: false);

        var first = series.Cut(1.0, gatewayAcknowledged: 7);
        var second = series.Cut(2.5);

        Assert.Equal(2, first.Accepted);
        Assert.Equal(1, first.Failed);
        Assert.Equal(500, first.MaxMs, 0);
        Assert.Equal(30, first.P50Ms, 0);
        Assert.Equal(7, first.GatewayAcknowledged);
        Assert.Equal(0, second.Accepted + second.Failed);
        Assert.Equal(1.5, second.LengthSeconds);
        Assert.Equal(2, series.Samples.Count);
    }

    [Fact]
    public void The_chart_is_an_svg_with_the_latency_lines_the_target_line_and_the_rate_panel()
    {
        var samples = Enumerable.Range(1, 30)
            .Select(i => new TimeSample(i, 1, 50, 0, 5 + i, 20 + i, 40 + i) { GatewayAcknowledged = 48 })
            .ToList();

        var svg = LatencyChart.ToSvg(samples, "test <run>");
        var document = System.Xml.Linq.XDocument.Parse(svg);

        Assert.Equal("svg", document.Root!.Name.LocalName);
        Assert.Equal(5, document.Descendants().Count(e => e.Name.LocalName == "polyline"));
        Assert.Contains("p99 target 100 ms", svg, StringComparison.Ordinal);
        Assert.Contains("gateway acknowledged/s", svg, StringComparison.Ordinal);
        Assert.Contains("test &lt;run&gt;", svg, StringComparison.Ordinal);
        Assert.Contains("no samples", LatencyChart.ToSvg([], "empty"), StringComparison.Ordinal);
    }

    [Fact]
    public void Long_runs_are_downsampled_keeping_totals_and_the_worst_tail()
    {
        var samples = Enumerable.Range(1, 3600).Select(i => new TimeSample(i, 1, 10, 0, 5, i == 1800 ? 900 : 20, 50)).ToList();

        var points = LatencyChart.Downsample(samples, 600);

        Assert.Equal(600, points.Count);
        Assert.Equal(36_000, points.Sum(p => p.Accepted));
        Assert.Equal(900, points.Max(p => p.P99Ms));
        Assert.Equal(10, points[0].AcceptedPerSecond, 6);
        Assert.Equal(200, LatencyChart.NiceCeiling(123));
        Assert.Equal(500, LatencyChart.NiceCeiling(500));
    }

    [Fact]
    public void The_outage_drain_is_measured_from_the_end_of_the_outage_to_the_first_poll_without_backlog()
    {
        // 10 arrivals/s; outage from 10 s to 70 s; the gateway acknowledges nothing during it, then 100/s.
        var points = new List<GatewayPoint>();
        for (var t = 1; t <= 100; t++)
        {
            var accepted = 10L * t;
            var acknowledged = t <= 10 ? accepted : t <= 70 ? 100 : Math.Min(accepted, 100 + (100L * (t - 70)));
            points.Add(new GatewayPoint(t, accepted, acknowledged));
        }

        var result = OutageDrain.Compute(points, 10, 60, 10);

        Assert.Equal(600, result.BacklogAtEnd);
        Assert.Equal(600, result.PeakBacklog);
        Assert.True(result.CaughtUp);
        Assert.Equal(1, result.SecondsToFirstAcknowledgement);
        // Caught up when 100 + 100 (t - 70) >= 10 t, i.e. t = 77 (770 acknowledged): 7 s, 670 / 7 acknowledged/s (arrivals included),
        // the 600 of backlog at the end over the same 7 s net.
        Assert.Equal(7, result.SecondsToCatchUp);
        Assert.Equal(95.7, result.DrainRate);
        Assert.Equal(85.7, result.NetDrainRate);
        Assert.Equal(9.57, result.Ratio);
        Assert.False(result.MeetsTarget); // Lost is not known yet.
        Assert.True((result with { Lost = 0, DeadLettered = 0 }).MeetsTarget);
    }

    [Fact]
    public void An_outage_that_never_drains_reports_no_drain_rate()
    {
        var points = Enumerable.Range(1, 20).Select(t => new GatewayPoint(t, 10L * t, 0)).ToList();

        var result = OutageDrain.Compute(points, 5, 5, 10);

        Assert.False(result.CaughtUp);
        Assert.Null(result.DrainRate);
        Assert.False((result with { Lost = 0, DeadLettered = 0 }).MeetsTarget);
    }

    [Fact]
    public void The_resident_memory_is_read_from_the_vmrss_line_in_mebibytes()
    {
        const string status = "Name:\tSoSucKhoe.Silo\nVmPeak:\t 4000000 kB\nVmRSS:\t  524288 kB\nThreads:\t40\n";

        Assert.Equal(512, ProcessMemory.ParseVmRssMiB(status));
        Assert.Null(ProcessMemory.ParseVmRssMiB("Name:\tx\n"));
        Assert.NotNull(ProcessMemory.ReadRssMiB(Environment.ProcessId));
    }

    [Fact]
    public void The_memory_slope_is_the_least_squares_growth_per_hour()
    {
        // 100 MiB + 30 MiB per hour, sampled every minute for two hours.
        var samples = Enumerable.Range(0, 121).Select(m => new MemorySample(m * 60, 100 + (m * 0.5))).ToList();

        var trend = MemoryTrend.Of(samples);

        Assert.Equal(30, trend.SlopeMiBPerHour, 2);
        Assert.Equal(30, trend.SecondHalfSlopeMiBPerHour, 2);
        Assert.Equal(160, trend.PeakMiB);
        Assert.Equal(0, MemoryTrend.Slope([new MemorySample(0, 5)]));
    }

    [Fact]
    public void The_ceilings_are_cores_over_cost_and_rows_over_writes_per_dossier()
    {
        Assert.Equal(500, CeilingMath.CpuCeiling(2, 4));
        Assert.Equal(0, CeilingMath.CpuCeiling(2, 0));
        Assert.Equal(200, CeilingMath.StorageCeiling(1020, 5.1));
        Assert.Equal(2.5, CeilingMath.MsPer(TimeSpan.FromMilliseconds(250), 100));
        var result = new CeilingResult
        {
            Cores = 2, CpuDossiers = 1, CpuMsPerDossier = 4, WallMsPerDossier = 4, Validated = true, ProblemDossiers = 0,
            CpuCeilingPerSecond = 500, CommitsPerSecondSingleRow = 100, BatchRows = 32, RowsPerSecondBatched = 1020,
            WritesPerDossier = 5.1, StorageCeilingPerSecond = 200, Achieved = 150,
        };
        Assert.Equal(200, result.Ceiling);
        Assert.Equal(0.75, result.AchievedShare);
    }

    [Fact]
    public void The_storage_probe_commits_on_a_real_sqlite_file_and_batches_raise_the_row_rate()
    {
        var directory = Path.Combine(Path.GetTempPath(), "ssk-ceiling-" + Guid.NewGuid().ToString("N"));
        try
        {
            var single = StorageCeilingProbe.Measure(directory, 1, TimeSpan.FromMilliseconds(300));
            var batched = StorageCeilingProbe.Measure(directory, 32, TimeSpan.FromMilliseconds(300));

            Assert.True(single.CommitsPerSecond > 0);
            Assert.Equal(single.CommitsPerSecond, single.RowsPerSecond);
            Assert.InRange(batched.RowsPerSecond / batched.CommitsPerSecond, 31.9, 32.1);
            Assert.Empty(Directory.GetFiles(directory));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
