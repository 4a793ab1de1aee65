using SoSucKhoe.LoadTest.Driving;

namespace SoSucKhoe.LoadTest.Tests;

public sealed class LatencyLogTests
{
    private static readonly TimeSpan Drain = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Open_loop_logs_each_request_once_with_its_schedule_send_and_completion_and_latency_from_the_schedule()
    {
        var clock = new ManualClock(jumpOnWait: true);
        var log = new LatencyLog(clock);
        clock.Advance(TimeSpan.FromMilliseconds(500)); // preparation between the start of the run and the drive
        var statistics = new LoadStatistics();
        var driver = new LoadDriver(clock, (i, _) =>
        {
            if (i == 3)
            {
                clock.Advance(TimeSpan.FromMilliseconds(250)); // a slow answer holds the sender: request 4 goes out late
            }

            var outcome = i == 5 ? SendOutcome.Failed("Unavailable") : SendOutcome.Ok("70001:" + i);
            return Task.FromResult(outcome with
            {
                FacilityCode = "70001",
                DossierBytes = 1000 + i,
                CheckInTime = i % 2 == 0 ? TimeSpan.FromMilliseconds(2) : null,
            });
        }, statistics, log.BeginPhase("run", 10));

        await driver.RunOpenAsync(count: 10, rate: 10, Drain, CancellationToken.None);

        var file = Write(log);
        Assert.Equal(Enumerable.Range(0, 10), file.Lines.Select(static l => l.Index));
        Assert.All(file.Lines, line =>
        {
            Assert.Equal("run", line.Phase);
            Assert.Equal(500 + (100 * line.Index), line.ScheduledMs);
            Assert.True(line.SentMs >= line.ScheduledMs, line.Raw);
            Assert.True(line.CompletedMs >= line.SentMs, line.Raw);
            Assert.Equal(line.CompletedMs - line.ScheduledMs!.Value, line.LatencyMs, 3);
            Assert.Equal(line.Index == 5 ? "Unavailable" : "OK", line.Status);
            Assert.Equal("70001", line.Facility);
            Assert.Equal(1000 + line.Index, line.DossierBytes);
            Assert.Equal(line.Index % 2 == 0 ? "checkin+dossier" : "dossier", line.Kind);
            Assert.Equal(line.Index % 2 == 0 ? 2.0 : null, line.CheckInMs);
        });
        var third = file.Lines[3];
        Assert.Equal((800.0, 1050.0, 250.0), (third.SentMs, third.CompletedMs, third.LatencyMs));
        var fourth = file.Lines[4];
        Assert.Equal((900.0, 1050.0, 150.0), (fourth.ScheduledMs!.Value, fourth.SentMs, fourth.LatencyMs));
        // The log and the report's histogram see the same latencies.
        Assert.Equal(statistics.Latency.Summarize().MaxMs, file.Lines.Max(static l => l.LatencyMs), tolerance: 0.5);
    }

    [Fact]
    public async Task Closed_loop_logs_no_schedule_and_counts_latency_from_the_send_with_microsecond_precision()
    {
        var clock = new ManualClock(jumpOnWait: false);
        var log = new LatencyLog(clock);
        var statistics = new LoadStatistics();
        var step = TimeSpan.FromTicks(1_000_020); // 100.002 ms
        var driver = new LoadDriver(clock, (i, _) =>
        {
            clock.Advance(step);
            return Task.FromResult(SendOutcome.Ok("70002:" + i) with { FacilityCode = "70002", DossierBytes = 4096 });
        }, statistics, log.BeginPhase("run", 100));

        await driver.RunClosedAsync(count: 100, concurrency: 1, TimeSpan.FromSeconds(1), Drain, CancellationToken.None)
            .WaitAsync(TimeSpan.FromSeconds(20));

        var file = Write(log);
        Assert.Equal(statistics.Sent, file.Lines.Count);
        Assert.All(file.Lines, line =>
        {
            Assert.Null(line.ScheduledMs);
            Assert.Equal(100.002, line.LatencyMs);
            Assert.Equal(line.CompletedMs - line.SentMs, line.LatencyMs, 3);
            Assert.Equal("dossier", line.Kind);
            Assert.Null(line.CheckInMs);
        });
        Assert.Contains(",300.006,400.008,100.002,OK,dossier,70002,4096,,,,", file.Lines[3].Raw, StringComparison.Ordinal);
    }

    [Fact]
    public void The_first_line_gives_the_wall_clock_start_in_UTC_and_the_header_names_the_columns()
    {
        var before = DateTimeOffset.UtcNow;
        var log = new LatencyLog(new ManualClock(jumpOnWait: true));
        var after = DateTimeOffset.UtcNow;

        using var text = new StringWriter();
        log.WriteTo(text);
        var file = LatencyLogFile.Parse(text.ToString());

        Assert.InRange(file.StartUtc, before.AddTicks(-1), after.AddTicks(1));
        Assert.EndsWith("Z", text.ToString().Split('\n')[0].TrimEnd('\r'), StringComparison.Ordinal);
        Assert.Empty(file.Lines);
        Assert.Equal(
            ["phase", "index", "scheduled_ms", "sent_ms", "completed_ms", "latency_ms", "status", "kind", "facility", "dossier_bytes", "checkin_ms",
             "ma_lk", "version", "sha256"],
            LatencyLog.Header.Split(','));
    }

    [Fact]
    public void Phases_are_written_in_the_order_they_began_each_ordered_by_index_and_marked_in_the_phase_column()
    {
        var clock = new ManualClock(jumpOnWait: true);
        var log = new LatencyLog(clock);
        var warmup = log.BeginPhase("warmup", 2);
        var run = log.BeginPhase("run", 3);
        var ok = SendOutcome.Ok("x") with { FacilityCode = "70003", DossierBytes = 1 };

        foreach (var index in new[] { 2, 0, 1 })
        {
            run.Record(index, TimeSpan.FromSeconds(index), TimeSpan.FromSeconds(index), TimeSpan.FromSeconds(index + 1), ok);
        }

        warmup.Record(1, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.FromMilliseconds(5), ok);
        warmup.Record(0, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.FromMilliseconds(5), SendOutcome.Ok("y", duplicate: true) with { FacilityCode = "70003" });

        var file = Write(log);
        Assert.Equal(["warmup:0", "warmup:1", "run:0", "run:1", "run:2"], file.Lines.Select(static l => $"{l.Phase}:{l.Index}"));
        Assert.Equal("Duplicate", file.Lines[0].Status);
        Assert.Equal(5, log.Count);
    }

    [Fact]
    public void Requests_beyond_the_reserved_room_are_counted_as_dropped_not_written()
    {
        var log = new LatencyLog(new ManualClock(jumpOnWait: true));
        var phase = log.BeginPhase("run", 3);

        for (var i = 0; i < 5; i++)
        {
            phase.Record(i, null, TimeSpan.Zero, TimeSpan.FromMilliseconds(1), SendOutcome.Ok("x"));
        }

        Assert.Equal(3, phase.Count);
        Assert.Equal(2, log.Dropped);
        Assert.Equal(3, Write(log).Lines.Count);
    }

    [Fact]
    public void A_request_that_failed_before_the_sender_described_it_has_an_empty_kind_and_facility()
    {
        var log = new LatencyLog(new ManualClock(jumpOnWait: true));
        log.BeginPhase("run", 1).Record(0, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.FromMilliseconds(3), SendOutcome.Failed("ClientError:HttpRequestException"));

        var line = Assert.Single(Write(log).Lines);

        Assert.Equal(("ClientError:HttpRequestException", string.Empty, string.Empty), (line.Status, line.Kind, line.Facility));
    }

    [Fact]
    public void Recording_a_request_allocates_nothing()
    {
        var log = new LatencyLog(new ManualClock(jumpOnWait: true));
        const int requests = 10_000;
        var phase = log.BeginPhase("run", requests + 2);
        var outcome = SendOutcome.Ok("70001:1") with { FacilityCode = "70001", DossierBytes = 5000, CheckInTime = TimeSpan.FromMilliseconds(1) };
        var failed = SendOutcome.Failed("Unavailable") with { FacilityCode = "70001" };
        phase.Record(0, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, failed); // first sight of the names
        phase.Record(0, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, outcome);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 1; i <= requests; i++)
        {
            var ticks = TimeSpan.FromTicks(i);
            phase.Record(i, ticks, ticks, ticks, i % 100 == 0 ? failed : outcome);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(requests + 2, phase.Count);
    }

    [Fact]
    public void A_request_takes_88_bytes_of_the_log_and_holds_no_reference_for_the_GC_to_scan()
    {
        Assert.Equal(88, System.Runtime.CompilerServices.Unsafe.SizeOf<LatencyRecord>());
        Assert.False(System.Runtime.CompilerServices.RuntimeHelpers.IsReferenceOrContainsReferences<LatencyRecord>());
    }

    [Fact]
    public void Every_line_names_its_dossier_by_MA_LK_version_and_SHA_256_and_the_requests_read_back_with_UTC_times()
    {
        var clock = new ManualClock(jumpOnWait: true);
        var log = new LatencyLog(clock);
        var phase = log.BeginPhase("run", 3);
        var first = Workload.ContentHash.Of("first"u8);
        var second = Workload.ContentHash.Of("second"u8);
        var ok = SendOutcome.Ok("70001:LK-1") with { FacilityCode = "70001", MaLk = "LK-1", Sha256 = first, Version = 2, DossierBytes = 5 };
        var failed = SendOutcome.Failed("Unavailable") with { FacilityCode = "70002", MaLk = "LK-Đ-2", Sha256 = second, DossierBytes = 6 };

        phase.Record(0, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.FromMilliseconds(7), ok);
        phase.Record(1, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.FromMilliseconds(9), failed);
        phase.Record(2, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.FromMilliseconds(9), SendOutcome.Failed("ClientError:X"));

        var lines = Write(log).Lines;
        Assert.Equal(("LK-1", 2, first.ToString()), (lines[0].MaLk, lines[0].Version, lines[0].Sha256));
        Assert.Equal(("LK-Đ-2", (int?)null, second.ToString()), (lines[1].MaLk, lines[1].Version, lines[1].Sha256));
        Assert.Equal((string.Empty, (int?)null, string.Empty), (lines[2].MaLk, lines[2].Version, lines[2].Sha256));
        Assert.Matches("^[0-9a-f]{64}$", lines[0].Sha256);

        var requests = log.Requests();
        Assert.Equal(3, requests.Count);
        Assert.Equal(("70001", "LK-1", first, 2, "OK", true), (requests[0].Facility, requests[0].MaLk, requests[0].Sha256, requests[0].Version, requests[0].Status, requests[0].Accepted));
        Assert.Equal(log.StartedUtc + TimeSpan.FromMilliseconds(7), requests[0].CompletedAt);
        Assert.Equal(("LK-Đ-2", false, true), (requests[1].MaLk, requests[1].Accepted, requests[1].HasIdentity));
        Assert.False(requests[2].HasIdentity);
    }

    [Fact]
    public void Identities_of_many_requests_fill_more_than_one_chunk_of_the_arena_and_read_back_intact()
    {
        var log = new LatencyLog(new ManualClock(jumpOnWait: true));
        const int requests = 50_000;
        var phase = log.BeginPhase("run", requests);
        for (var i = 0; i < requests; i++)
        {
            phase.Record(i, null, TimeSpan.Zero, TimeSpan.Zero, SendOutcome.Ok("x") with { FacilityCode = "70001", MaLk = $"70001202601011200{i:D6}" });
        }

        var read = log.Requests();
        Assert.Equal(Enumerable.Range(0, requests).Select(static i => $"70001202601011200{i:D6}"), read.Select(static r => r.MaLk));
    }

    private static LatencyLogFile Write(LatencyLog log)
    {
        using var text = new StringWriter();
        log.WriteTo(text);
        return LatencyLogFile.Parse(text.ToString());
    }
}
