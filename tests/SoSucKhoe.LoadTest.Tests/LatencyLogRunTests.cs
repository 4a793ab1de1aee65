using System.Text.RegularExpressions;

namespace SoSucKhoe.LoadTest.Tests;

public sealed partial class LatencyLogRunTests
{
    [Fact]
    public async Task A_short_open_loop_run_against_the_real_hub_logs_one_line_per_request_with_consistent_times_and_no_personal_data()
    {
        await using var hub = await InProcessHub.StartAsync();
        var path = Path.Combine(Path.GetTempPath(), "ssk-latency-" + Guid.NewGuid().ToString("N"), "requests.csv");
        var options = new LoadTestOptions
        {
            GrpcAddress = hub.GrpcAddress,
            AdminKey = hub.AdminKey,
            Facilities = 2,
            Citizens = 100,
            Rate = 20,
            Duration = TimeSpan.FromSeconds(2),
            Warmup = TimeSpan.FromSeconds(0.5),
            DrainTimeout = TimeSpan.FromSeconds(10),
            LagSample = 0,
            CheckInShare = 0.5,
            Seed = 71,
            LatencyLog = path,
        };
        using var progress = new StringWriter();
        var before = DateTimeOffset.UtcNow;

        try
        {
            var report = await LoadTestEngine.RunAsync(options, progress, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));

            var text = await File.ReadAllTextAsync(path);
            var file = LatencyLogFile.Parse(text);
            Assert.InRange(file.StartUtc, before, DateTimeOffset.UtcNow);
            var run = file.Lines.Where(static l => l.Phase == "run").ToList();
            var warmup = file.Lines.Where(static l => l.Phase == "warmup").ToList();
            // One line per request: the run's 40 (all accepted) and, marked apart, the warm-up's 10.
            Assert.Equal(40, report.Accepted);
            Assert.Equal(report.Accepted, run.Count);
            Assert.Equal(Enumerable.Range(0, 40), run.Select(static l => l.Index));
            Assert.Equal(10, warmup.Count);
            Assert.Equal(50, report.LatencyLogRequests);
            Assert.Equal(file.Lines.Count, file.Lines.Count(static l => l.Phase is "run" or "warmup"));
            Assert.All(file.Lines, line =>
            {
                Assert.Equal("OK", line.Status);
                Assert.NotNull(line.ScheduledMs);
                Assert.True(line.SentMs >= line.ScheduledMs, line.Raw);
                Assert.True(line.CompletedMs > line.SentMs, line.Raw);
                Assert.Equal(line.CompletedMs - line.ScheduledMs!.Value, line.LatencyMs, tolerance: 0.0015);
                Assert.Matches("^70[0-9A-Z]{3}$", line.Facility);
                Assert.True(line.DossierBytes > 1000, line.Raw);
                Assert.Equal(line.Kind == "checkin+dossier", line.CheckInMs is not null);
                Assert.True(line.CheckInMs is null || (line.CheckInMs > 0 && line.CheckInMs < line.CompletedMs - line.SentMs + 0.01), line.Raw);
            });
            Assert.Contains(file.Lines, static l => l.Kind == "checkin+dossier");
            Assert.Contains(file.Lines, static l => l.Kind == "dossier");
            // The run is scheduled at 20/s after the warm-up: one request every 50 ms.
            Assert.Equal(50, run[1].ScheduledMs!.Value - run[0].ScheduledMs!.Value, 3);
            Assert.True(run[0].ScheduledMs > warmup.Max(static l => l.ScheduledMs!.Value));
            // The report's latency and the log's agree.
            Assert.Equal(report.Latency.MaxMs, run.Max(static l => l.LatencyMs), tolerance: report.Latency.MaxMs / 100);
            // Each line names its dossier: MA_LK (the facility's episode key, which starts with its code), the version answered and
            // SHA-256 of the bytes sent, one identity per request.
            Assert.All(file.Lines, line =>
            {
                Assert.StartsWith(line.Facility, line.MaLk, StringComparison.Ordinal);
                Assert.Equal(1, line.Version);
                Assert.Matches("^[0-9a-f]{64}$", line.Sha256);
            });
            Assert.Equal(file.Lines.Count, file.Lines.Select(static l => l.MaLk).Distinct().Count());
            // No personal ID or insurance card: outside the identity columns, no run of nine or more digits anywhere.
            Assert.All(file.Lines, line => Assert.DoesNotMatch(LongDigitRun(), line.Raw.Replace(line.MaLk, string.Empty, StringComparison.Ordinal)
                .Replace(line.Sha256, string.Empty, StringComparison.Ordinal)));
            // The per-second series carries the tool's own GC and thread pool.
            Assert.NotEmpty(report.Series);
            Assert.All(report.Series, sample => Assert.NotNull(sample.ToolGcPauseMs));
            Assert.All(report.Series, sample => Assert.True(sample.ToolThreadPoolThreads > 0));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }

    [GeneratedRegex(@"\d{9}")]
    private static partial Regex LongDigitRun();
}
