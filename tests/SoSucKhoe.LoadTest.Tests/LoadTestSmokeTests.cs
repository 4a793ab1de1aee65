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
        // Every accepted dossier is forwarded: the emulator ends up with all of them (the report may have read it a bit earlier).
        Assert.True(await Eventually.Until(() => hub.Emulator.State.GetStats().Dossiers >= 100, TimeSpan.FromSeconds(15)));
        Assert.Equal(100, hub.Emulator.State.GetStats().DistinctDossiers);
    }
}
