namespace SoSucKhoe.LoadTest.Tests;

public sealed class LoadProfileTests
{
    private static readonly Func<string, string?> NoEnvironment = _ => null;

    private static LoadTestOptions Parse(params string[] extra) =>
        ArgumentParser.Parse(["--grpc", "http://127.0.0.1:5080", "--admin-key", "k", .. extra], NoEnvironment);

    [Fact]
    public void The_pilot_profile_is_the_pilot_province_peak_hour_times_ten_for_thirty_minutes()
    {
        var options = Parse("--profile", "pilot");

        // 1,500 visits in the busiest hour × 10 = 15,000 an hour.
        Assert.Equal(4.17, options.Rate);
        Assert.Equal(LoadMode.Open, options.Mode);
        Assert.Equal(TimeSpan.FromMinutes(30), options.Duration);
        Assert.Equal(200, options.Facilities);
        Assert.Equal("pilot", options.Profile);
    }

    [Fact]
    public void The_national_peak_profile_drives_one_hundred_dossiers_a_second()
    {
        var options = Parse("--profile", "national-peak");

        Assert.Equal(100, options.Rate);
        Assert.Equal(TimeSpan.FromMinutes(10), options.Duration);
    }

    [Fact]
    public void Options_on_the_command_line_override_the_profile()
    {
        var options = Parse("--duration", "2m", "--profile", "pilot", "--facilities", "20");

        Assert.Equal(TimeSpan.FromMinutes(2), options.Duration);
        Assert.Equal(20, options.Facilities);
        Assert.Equal(4.17, options.Rate);
    }

    [Fact]
    public void An_unknown_profile_is_a_usage_error_naming_the_known_ones()
    {
        var error = Assert.Throws<UsageException>(() => Parse("--profile", "everything"));

        Assert.Contains("pilot", error.Message, StringComparison.Ordinal);
        Assert.Contains("national-peak", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_profile_the_defaults_are_unchanged()
    {
        var options = Parse();

        Assert.Null(options.Profile);
        Assert.Equal(100, options.Rate);
        Assert.Equal(TimeSpan.FromSeconds(30), options.Duration);
    }
}
