using SoSucKhoe.Testing;

namespace SoSucKhoe.LoadTest.Tests;

public sealed class LoadTestSmokeTests
{
    [Fact]
    public async Task Five_seconds_at_twenty_dossiers_per_second_against_the_real_hub_are_all_accepted_and_reach_the_gateway()
    {
        await using var hub = await InProcessHub.StartAsync();
        var options = new LoadTestOptions
        {
            GrpcAddress = hub.GrpcAddress,
            AdminKey = hub.AdminKey,
            Facilities = 3,
            Citizens = 200,
            Rate = 20,
            Duration = TimeSpan.FromSeconds(5),
            DrainTimeout = TimeSpan.FromSeconds(10),
            LagSample = 20,
            GatewayStats = new Uri(hub.Emulator.BaseAddress, "emulator/stats"),
            CheckInShare = 0.5,
            SizeMix = Workload.SizeMix.Parse("outpatient:90,inpatient:10"),
        };
        using var progress = new StringWriter();

        var report = await LoadTestEngine.RunAsync(options, progress, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(100, report.Planned);
        Assert.Equal(100, report.Sent);
        Assert.Equal(100, report.Accepted);
        Assert.Equal(0, report.Failed);
        Assert.Empty(report.ErrorsByStatus);
        Assert.False(report.DrainTimedOut);
        Assert.Equal(100, report.Latency.Count);
        Assert.NotNull(report.ForwardingLag);
        Assert.Equal(20, report.ForwardingLag.Sampled);
        Assert.Contains("accepted", progress.ToString(), StringComparison.Ordinal);
        // Every OK'd dossier checked by identity: at the gateway with the same bytes, acknowledged by the hub with that receipt.
        var verification = Assert.IsType<Verification.VerificationResult>(report.Verification);
        Assert.True(verification.GatewayChecked);
        Assert.Equal((100, 100, 100), (verification.OkdCalls, verification.Okd, verification.Acknowledged));
        Assert.Empty(verification.Failures());
        Assert.Empty(report.Problems());
        // Every accepted dossier is forwarded: the emulator ends up with all of them (the report may have read it a bit earlier).
        Assert.True(await Eventually.Until(() => hub.Emulator.State.GetStats().Dossiers >= 100, TimeSpan.FromSeconds(15)));
        Assert.Equal(100, hub.Emulator.State.GetStats().DistinctDossiers);
        // Check-ins went first for about half of the visits, and never after their dossier.
        Assert.InRange(hub.Emulator.State.GetStats().CheckIns, 20, 80);
        Assert.Equal(0, hub.Emulator.State.GetStats().OrderViolations);
        // One sample per second, and the chart beside the report.
        Assert.InRange(report.Series.Count, 4, 60);
        Assert.Equal(100, report.Series.Sum(sample => sample.Accepted));
        var directory = Path.Combine(Path.GetTempPath(), "ssk-report-" + Guid.NewGuid().ToString("N"));
        try
        {
            await Reporting.ReportWriter.WriteAsync(report, directory, CancellationToken.None);
            Assert.StartsWith("<svg", await File.ReadAllTextAsync(Path.Combine(directory, "chart.svg")), StringComparison.Ordinal);
            Assert.Contains("](chart.svg)", await File.ReadAllTextAsync(Path.Combine(directory, "report.md")), StringComparison.Ordinal);
            var dossiers = await File.ReadAllLinesAsync(Path.Combine(directory, Reporting.ReportWriter.DossiersFile));
            Assert.Equal(101, dossiers.Length);
            Assert.All(dossiers.Skip(1), line => Assert.Contains(",Acknowledged,Acknowledged,", line, StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task A_short_gateway_outage_is_queued_by_the_hub_and_drained_afterwards_with_nothing_lost()
    {
        await using var hub = await InProcessHub.StartAsync();
        var options = new LoadTestOptions
        {
            GrpcAddress = hub.GrpcAddress,
            AdminKey = hub.AdminKey,
            Facilities = 2,
            Citizens = 200,
            Rate = 20,
            Duration = TimeSpan.FromSeconds(6),
            DrainTimeout = TimeSpan.FromSeconds(40),
            LagSample = 0,
            GatewayStats = new Uri(hub.Emulator.BaseAddress, "emulator/stats"),
            OutageAt = TimeSpan.FromSeconds(1),
            OutageFor = TimeSpan.FromSeconds(3),
        };
        using var progress = new StringWriter();

        var report = await LoadTestEngine.RunAsync(options, progress, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(120));

        Assert.Equal(120, report.Accepted);
        var outage = Assert.IsType<Outage.OutageResult>(report.Outage);
        Assert.True(outage.PeakBacklog > 0, "the hub queued during the outage");
        Assert.True(outage.CaughtUp, progress.ToString());
        Assert.Equal(0, outage.Lost);
        Assert.Equal(0, outage.DeadLettered);
        // The outage is taken out of each dossier's delay: none waited anywhere near the lateness bound.
        Assert.Equal(120, report.Verification!.Acknowledged);
        Assert.True(report.Verification.EffectiveDelayMaxSeconds < 30, $"{report.Verification.EffectiveDelayMaxSeconds} s");
        Assert.NotNull(outage.DrainRate);
    }
}
