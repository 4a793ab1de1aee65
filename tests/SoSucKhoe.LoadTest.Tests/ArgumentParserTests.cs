namespace SoSucKhoe.LoadTest.Tests;

public sealed class ArgumentParserTests
{
    private static readonly Func<string, string?> NoEnvironment = _ => null;

    [Fact]
    public void The_documented_command_line_is_parsed()
    {
        var options = ArgumentParser.Parse(
            ["--grpc", "http://127.0.0.1:5080", "--admin-key", "k", "--facilities", "20", "--citizens", "5000", "--rate", "100",
             "--duration", "30s", "--mode", "closed", "--concurrency", "32", "--gateway-stats", "http://127.0.0.1:5081/gateway/emulator/stats",
             "--report-dir", "out", "--warmup", "5s", "--drain", "10s", "--lag-sample", "50", "--seed", "9",
             "--presign", "120000"],
            NoEnvironment);

        Assert.Equal(new Uri("http://127.0.0.1:5080"), options.GrpcAddress);
        Assert.Equal("k", options.AdminKey);
        Assert.Equal(20, options.Facilities);
        Assert.Equal(5000, options.Citizens);
        Assert.Equal(100, options.Rate);
        Assert.Equal(TimeSpan.FromSeconds(30), options.Duration);
        Assert.Equal(LoadMode.Closed, options.Mode);
        Assert.Equal(32, options.Concurrency);
        Assert.Equal(new Uri("http://127.0.0.1:5081/gateway/emulator/stats"), options.GatewayStats);
        Assert.Equal("out", options.ReportDirectory);
        Assert.Equal(TimeSpan.FromSeconds(5), options.Warmup);
        Assert.Equal(TimeSpan.FromSeconds(10), options.DrainTimeout);
        Assert.Equal(50, options.LagSample);
        Assert.Equal(120_000, options.PresignLimit);
        Assert.Equal(9, options.Seed);
        Assert.Equal(3000, options.DossierCount);
    }

    [Fact]
    public void Defaults_are_an_open_loop_with_no_report_files_and_the_key_may_come_from_the_environment()
    {
        var options = ArgumentParser.Parse(["--grpc=http://localhost:5080"], name => name == "SOSUCKHOE_ADMIN_KEY" ? "from-env" : null);

        Assert.Equal("from-env", options.AdminKey);
        Assert.Equal(LoadMode.Open, options.Mode);
        Assert.Null(options.ReportDirectory);
        Assert.Null(options.GatewayStats);
        Assert.Equal(TimeSpan.Zero, options.Warmup);
        Assert.Equal(LoadTestEngine.StreamingThreshold, options.PresignLimit);
    }

    [Theory]
    [InlineData("30s", 30_000)]
    [InlineData("500ms", 500)]
    [InlineData("2m", 120_000)]
    [InlineData("1.5s", 1_500)]
    [InlineData("00:00:05", 5_000)]
    public void Durations_take_a_unit_or_a_time_span(string text, int milliseconds) =>
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), ArgumentParser.ParseDuration(text));

    [Theory]
    [InlineData("http://10.0.0.5:5080")]
    [InlineData("http://example.org:5080")]
    [InlineData("http://0.0.0.0:5080")]
    [InlineData("ftp://127.0.0.1:5080")]
    public void Any_host_other_than_loopback_is_refused(string address)
    {
        var exception = Assert.Throws<UsageException>(() => ArgumentParser.Parse(["--grpc", address, "--admin-key", "k"], NoEnvironment));
        Assert.StartsWith("--grpc", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_gateway_stats_address_must_be_loopback_too() =>
        Assert.Throws<UsageException>(() => ArgumentParser.Parse(
            ["--grpc", "http://127.0.0.1:5080", "--admin-key", "k", "--gateway-stats", "http://192.168.1.2:5081/gateway/emulator/stats"],
            NoEnvironment));

    [Theory]
    [InlineData("http://127.0.0.1:5080")]
    [InlineData("http://127.0.0.2:5080")]
    [InlineData("http://[::1]:5080")]
    [InlineData("https://localhost:5443")]
    public void Loopback_hosts_are_allowed(string address) => Assert.True(LoopbackGuard.IsLoopback(new Uri(address)));

    [Theory]
    [InlineData("--admin-key k")]
    [InlineData("--grpc http://127.0.0.1:5080")]
    [InlineData("--grpc http://127.0.0.1:5080 --admin-key k --mode burst")]
    [InlineData("--grpc http://127.0.0.1:5080 --admin-key k --rate 0")]
    [InlineData("--grpc http://127.0.0.1:5080 --admin-key k --duration -3s")]
    [InlineData("--grpc http://127.0.0.1:5080 --admin-key k --frobnicate 1")]
    [InlineData("--grpc http://127.0.0.1:5080 --admin-key k --rate")]
    [InlineData("--grpc http://127.0.0.1:5080 --grpc http://127.0.0.1:5081 --admin-key k")]
    public void A_wrong_command_line_is_a_usage_error(string commandLine) =>
        Assert.Throws<UsageException>(() => ArgumentParser.Parse(commandLine.Split(' '), NoEnvironment));
}
