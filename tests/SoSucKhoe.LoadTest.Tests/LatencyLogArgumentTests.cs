namespace SoSucKhoe.LoadTest.Tests;

public sealed class LatencyLogArgumentTests
{
    private static readonly Func<string, string?> NoEnvironment = _ => null;

    private static LoadTestOptions Parse(params string[] extra) =>
        ArgumentParser.Parse(["--grpc", "http://127.0.0.1:5080", "--admin-key", "k", .. extra], NoEnvironment);

    [Fact]
    public void There_is_no_latency_log_unless_asked_for() => Assert.Null(Parse().LatencyLog);

    [Fact]
    public void The_latency_log_option_takes_the_file_to_write()
    {
        Assert.Equal("out/requests.csv", Parse("--latency-log", "out/requests.csv").LatencyLog);
        Assert.Equal("out/requests.csv", Parse("--latency-log=out/requests.csv").LatencyLog);
    }

    [Fact]
    public void The_latency_log_works_with_the_profiles_and_leaves_their_defaults_alone()
    {
        var options = Parse("--profile", "national-peak", "--latency-log", "peak.csv");

        Assert.Equal("peak.csv", options.LatencyLog);
        Assert.Equal(100, options.Rate);
        Assert.Equal(TimeSpan.FromSeconds(10), options.Warmup);
    }

    [Fact]
    public void A_latency_log_that_is_an_option_name_or_a_folder_is_a_usage_error()
    {
        Assert.Throws<UsageException>(() => Parse("--latency-log", "--rate", "5"));
        Assert.Throws<UsageException>(() => Parse("--latency-log", Path.GetTempPath()));
        Assert.Throws<UsageException>(() => Parse("--latency-log", "out/"));
    }

    [Fact]
    public void The_usage_text_names_the_latency_log() => Assert.Contains("--latency-log", ArgumentParser.Usage, StringComparison.Ordinal);
}
