namespace SoSucKhoe.Cli.Tests;

/// <summary>The command line itself: help, and one clear line with exit code 2 for every kind of wrong command line.</summary>
public sealed class CommandLineTests
{
    public static TheoryData<string> CommandNames() => [.. CliApp.Commands.Select(c => c.Name)];

    [Fact]
    public async Task Without_arguments_the_usage_goes_to_standard_error_with_exit_code_2()
    {
        var result = await Tool.RunAsync();

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("usage: sosuckhoe <command>", result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Out);
    }

    [Fact]
    public async Task Help_lists_every_command()
    {
        var result = await Tool.RunAsync("--help");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.All(CliApp.Commands, c => Assert.Contains($"  {c.Name} ", result.Out, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(CommandNames))]
    public async Task Every_command_has_its_help(string command)
    {
        var result = await Tool.RunAsync(command, "--help");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.StartsWith($"usage: sosuckhoe {command}", result.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("unknown command 'sign'", "sign")]
    [InlineData("make-cert: unknown option --facilty.", "make-cert", "--facilty", "70001")]
    [InlineData("make-cert: --facility is required.", "make-cert", "--key", "a.key", "--cert", "a.crt")]
    [InlineData("make-cert: --key needs a value.", "make-cert", "--facility", "70001", "--key")]
    [InlineData("make-cert: --days must be a whole number from 1 to 36500, not '0'.", "make-cert", "--facility", "70001", "--key", "a", "--cert", "b", "--days", "0")]
    [InlineData("sample-dossier: --facility '7001': A facility code must have exactly 5 characters.", "sample-dossier", "--facility", "7001", "--out", "x.xml")]
    [InlineData("sample-dossier: --visit-type must be one of 01, 02, 03, 04, 05, 06, 07, 08, 09, 10, not '99'.", "sample-dossier", "--facility", "70001", "--out", "x.xml", "--visit-type", "99")]
    [InlineData("sample-dossier: --key and --cert are required to sign (or pass --unsigned).", "sample-dossier", "--facility", "70001", "--out", "x.xml")]
    [InlineData("sample-dossier: --arrival must be in the past", "sample-dossier", "--facility", "70001", "--out", "x.xml", "--unsigned", "--arrival", "2999-01-01")]
    [InlineData("sample-check-in: --out is required.", "sample-check-in", "--facility", "70001", "--unsigned")]
    [InlineData("call: name the method to call", "call")]
    [InlineData("call: Facilities has no method 'Get' (methods: RegisterFacility, GetFacility,", "call", "Facilities/Get")]
    [InlineData("call: there is no service 'Facility' in sosuckhoe.v1 (services: ", "call", "Facility/GetFacility")]
    [InlineData("call: Monitoring/WatchReadiness streams; this command makes unary calls only.", "call", "Monitoring/WatchReadiness")]
    [InlineData("call: the request is not valid JSON", "call", "Facilities/GetFacility", "{\"facilityCode\":")]
    [InlineData("call: the request does not fit sosuckhoe.v1.GetFacilityRequest", "call", "Facilities/GetFacility", "{\"facility\":\"70001\"}")]
    [InlineData("call: --field: Facility has no field 'status'", "call", "Facilities/GetFacility", "{}", "--field", "status")]
    [InlineData("call: give --key or --key-file, not both.", "call", "Facilities/GetFacility", "--key", "k", "--key-file", "f")]
    [InlineData("call: --hub must be an http:// or https:// address", "call", "Facilities/GetFacility", "--hub", "127.0.0.1:5080")]
    public async Task A_wrong_command_line_is_one_line_on_standard_error_and_exit_code_2(string message, params string[] args)
    {
        var result = await Tool.RunAsync(args);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
        Assert.Single(result.Error.TrimEnd().Split('\n'));
        Assert.Empty(result.Out);
    }
}
