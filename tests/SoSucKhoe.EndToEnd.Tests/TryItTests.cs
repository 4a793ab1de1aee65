using System.Diagnostics;
using System.Text.Json;
using SoSucKhoe.Api.V1;
using SoSucKhoe.Testing;
using Xunit.Abstractions;

namespace SoSucKhoe.EndToEnd.Tests;

/// <summary>
/// The README's "Try it" block, which is docs/try-it.sh verbatim, run with bash against the hub executable (gateway emulator
/// included, as in the default run) on free ports: facility 70001 becomes ready, and its dossier is accepted and acknowledged.
/// </summary>
public sealed class TryItTests(ITestOutputHelper output)
{
    private const string Script = "docs/try-it.sh";

    [Fact]
    public void The_README_shows_the_try_it_script_verbatim()
    {
        var script = File.ReadAllText(Path.Combine(Repository.Root, Script));
        var readme = File.ReadAllText(Path.Combine(Repository.Root, "README.md"));

        Assert.DoesNotContain('\r', script);
        Assert.Equal(script, DocumentationBlocks.Extract(readme, "try-it", "README.md"));
    }

    [Fact]
    public async Task The_try_it_script_takes_facility_70001_from_registration_to_an_acknowledged_dossier()
    {
        var data = Directory.CreateTempSubdirectory("sosuckhoe-try-it-").FullName;
        var work = Directory.CreateTempSubdirectory("sosuckhoe-try-it-work-").FullName;
        try
        {
            var settings = new HubSettings(new Uri("http://127.0.0.1:1/gateway/"), data);
            // The default run: the hub serves the gateway emulator on its HTTP port and forwards to it (the later arguments win).
            using var hub = await HubProcess.StartAsync(settings, TimeSpan.FromSeconds(90),
                "--Hub:HostGatewayEmulator=true", $"--Gateway:BaseAddress={settings.HttpAddress}gateway/");

            var clock = Stopwatch.StartNew();
            var (exitCode, stdout, stderr) = await RunScriptAsync(settings, work);
            clock.Stop();
            output.WriteLine($"docs/try-it.sh took {clock.Elapsed.TotalSeconds:0.0} s");

            Assert.True(exitCode == 0, $"exit code {exitCode}\n{stdout}\n--- stderr ---\n{stderr}\n--- hub ---\n{hub.Output}");
            Assert.Contains("\"state\": \"READINESS_STATE_READY\"", stdout, StringComparison.Ordinal);
            Assert.Contains("\"state\": \"DOSSIER_STATE_ACKNOWLEDGED\"", stdout, StringComparison.Ordinal);
            using var stats = JsonDocument.Parse(stdout.TrimEnd().Split('\n')[^1]);
            Assert.Equal(1, stats.RootElement.GetProperty("dossiers").GetInt32());
            Assert.Equal(1, stats.RootElement.GetProperty("checkIns").GetInt32());
            Assert.Equal(0, stats.RootElement.GetProperty("rejected").GetInt32());
            Assert.Equal(0, stats.RootElement.GetProperty("orderViolations").GetInt32());

            using var channel = Grpc.Net.Client.GrpcChannel.ForAddress(settings.GrpcAddress);
            var facilities = new HubClients(channel, settings.AdminKey).AdminFacilities;
            Facility facility = null!;
            var live = await Eventually.Until(async () =>
            {
                facility = await facilities.GetFacilityAsync(new GetFacilityRequest { FacilityCode = "70001" });
                return facility.State == ReadinessState.Live;
            }, TimeSpan.FromSeconds(15));
            Assert.True(live, $"facility 70001 is {facility.State}");
            Assert.Contains(facility.History, t => t.To == ReadinessState.Ready);
            Assert.Equal(5, facility.Conformance.CleanCount);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
            Directory.Delete(data, recursive: true);
        }
    }

    private static async Task<(int ExitCode, string Output, string Errors)> RunScriptAsync(HubSettings settings, string work)
    {
        var start = new ProcessStartInfo("bash")
        {
            WorkingDirectory = Repository.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // As the README says to run it; the variables point it at this hub instead of the default ports and key file.
        foreach (var argument in new[] { "-e", Script })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["HUB"] = settings.GrpcAddress.ToString().TrimEnd('/');
        start.Environment["HTTP"] = settings.HttpAddress.ToString().TrimEnd('/');
        start.Environment["ADMIN_KEY"] = settings.AdminKey;
        start.Environment["WORK"] = work;
        start.Environment.Remove("SOSUCKHOE_KEY");
        start.Environment.Remove("SOSUCKHOE_HUB");

        using var process = Process.Start(start)!;
        var standardOutput = process.StandardOutput.ReadToEndAsync();
        var standardError = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"docs/try-it.sh did not finish in time:\n{await standardOutput}\n{await standardError}");
        }

        return (process.ExitCode, await standardOutput, await standardError);
    }
}
