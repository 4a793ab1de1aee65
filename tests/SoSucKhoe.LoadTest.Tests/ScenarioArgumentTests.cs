namespace SoSucKhoe.LoadTest.Tests;

/// <summary>The load tool's scenario options: the max and soak profiles, the citizen order, the check-in share, outages and ceilings.</summary>
public sealed class ScenarioArgumentTests
{
    private static readonly Func<string, string?> NoEnvironment = _ => null;

    private static LoadTestOptions Parse(params string[] extra) =>
        ArgumentParser.Parse(["--grpc", "http://127.0.0.1:5080", "--admin-key", "k", .. extra], NoEnvironment);

    [Fact]
    public void The_max_profile_steps_from_fifty_by_fifty_every_twenty_seconds_against_a_100_ms_p99()
    {
        var options = Parse("--profile", "max");

        Assert.True(options.StepSearch);
        Assert.Equal(50, options.StartRate);
        Assert.Equal(50, options.RateStep);
        Assert.Equal(TimeSpan.FromSeconds(20), options.StepDuration);
        Assert.Equal(TimeSpan.FromMilliseconds(100), options.P99Limit);
        Assert.Equal(TimeSpan.FromSeconds(10), options.CeilingDuration);
    }

    [Fact]
    public void The_soak_profile_runs_for_hours_over_a_million_citizens_with_check_ins_and_the_size_mix()
    {
        var options = Parse("--profile", "soak", "--hub-pid", "4242");

        Assert.Equal(TimeSpan.FromHours(4), options.Duration);
        Assert.Equal(1_000_000, options.Citizens);
        Assert.Equal(Workload.CitizenOrder.Distinct, options.CitizenOrder);
        Assert.Equal(4242, options.HubPid);
        Assert.Equal(TimeSpan.FromMinutes(1), options.SampleInterval);
        Assert.Equal(0.5, options.CheckInShare);
        Assert.NotNull(options.SizeMix);
        Assert.False(options.StepSearch);
    }

    [Fact]
    public void Citizens_are_drawn_at_random_unless_distinct_is_asked_for_and_other_orders_are_refused()
    {
        Assert.Equal(Workload.CitizenOrder.Random, Parse().CitizenOrder);
        Assert.Equal(Workload.CitizenOrder.Distinct, Parse("--citizen-order", "distinct").CitizenOrder);
        Assert.Throws<UsageException>(() => Parse("--citizen-order", "sorted"));
    }

    [Theory]
    [InlineData("0.3", 0.3)]
    [InlineData("30%", 0.3)]
    [InlineData("1", 1.0)]
    public void The_check_in_share_is_a_fraction_or_a_percentage(string text, double expected) =>
        Assert.Equal(expected, Parse("--checkin-share", text).CheckInShare, 6);

    [Theory]
    [InlineData("1.5")]
    [InlineData("-1")]
    [InlineData("half")]
    public void A_check_in_share_outside_zero_to_one_is_a_usage_error(string text) =>
        Assert.Throws<UsageException>(() => Parse("--checkin-share", text));

    [Fact]
    public void An_outage_needs_the_gateway_stats_address_beside_which_the_fault_control_sits()
    {
        Assert.Throws<UsageException>(() => Parse("--outage-at", "2m"));

        var options = Parse("--outage-at", "2m", "--outage-for", "10m", "--gateway-stats", "http://127.0.0.1:5081/gateway/emulator/stats");

        Assert.Equal(TimeSpan.FromMinutes(2), options.OutageAt);
        Assert.Equal(TimeSpan.FromMinutes(10), options.OutageFor);
        Assert.Equal(new Uri("http://127.0.0.1:5081/gateway/emulator/faults"), Hub.EmulatorFaults.BesideStats(options.GatewayStats!));
    }

    [Fact]
    public void An_outage_in_closed_loop_is_a_usage_error() =>
        Assert.Throws<UsageException>(() => Parse("--outage-at", "2m", "--mode", "closed", "--gateway-stats", "http://127.0.0.1:5081/gateway/emulator/stats"));

    [Fact]
    public void Ceilings_are_off_unless_asked_for()
    {
        Assert.Equal(TimeSpan.Zero, Parse().CeilingDuration);
        Assert.Equal(TimeSpan.FromSeconds(3), Parse("--ceilings", "3s").CeilingDuration);
        Assert.Equal(TimeSpan.Zero, Parse("--ceilings", "off").CeilingDuration);
    }
}
