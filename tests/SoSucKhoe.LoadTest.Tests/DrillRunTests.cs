using System.Diagnostics;
using SoSucKhoe.LoadTest.Drill;
using SoSucKhoe.Testing;
using Xunit.Abstractions;

namespace SoSucKhoe.LoadTest.Tests;

/// <summary>
/// The drill end to end, as an operator runs it: the gateway emulator as its own process (its record outlives the hub), the hub
/// started by the tool from a command, SIGKILLed during a gateway outage and started again on the same data while the load runs,
/// and every dossier then counted by identity.
/// </summary>
public sealed class DrillRunTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_hub_killed_during_a_gateway_outage_delivers_every_OK_d_dossier_once_and_the_drill_reports_the_stop()
    {
        var folder = Directory.CreateTempSubdirectory("ssk-drill-").FullName;
        var emulatorPort = FreePorts.Next();
        using var emulator = StartEmulator(emulatorPort, Path.Combine(folder, "emulator.key"));
        try
        {
            var gateway = new Uri($"http://127.0.0.1:{emulatorPort}/gateway/");
            Assert.True(await Eventually.Until(() => Task.FromResult(File.Exists(Path.Combine(folder, "emulator.key"))), TimeSpan.FromSeconds(60)));
            var (grpcPort, httpPort, siloPort) = (FreePorts.Next(), FreePorts.Next(), FreePorts.Next());
            var hubCommand = string.Join(' ',
                "exec dotnet", Quote(Built("src/Silo", "SoSucKhoe.Silo.dll")),
                $"--Hub:GrpcUrl=http://127.0.0.1:{grpcPort}", $"--Hub:HttpUrl=http://127.0.0.1:{httpPort}", $"--Hub:SiloPort={siloPort}",
                $"--Hub:DataDirectory={Quote(Path.Combine(folder, "hub"))}", "--Hub:HostGatewayEmulator=false", $"--Gateway:BaseAddress={gateway}",
                $"--Security:GeneratedAdminKeyFile={Quote(Path.Combine(folder, "admin.key"))}", "--Security:RequestsPerSecond=100000",
                "--Security:Burst=100000", "--Serilog:MinimumLevel:Default=Warning");
            var options = new LoadTestOptions
            {
                GrpcAddress = new Uri($"http://127.0.0.1:{grpcPort}"),
                AdminKey = string.Empty,
                AdminKeyFile = Path.Combine(folder, "admin.key"),
                GatewayStats = new Uri(gateway, "emulator/stats"),
                GatewayKeyFile = Path.Combine(folder, "emulator.key"),
                Facilities = 3,
                Citizens = 300,
                Rate = 20,
                Duration = TimeSpan.FromSeconds(10),
                DrainTimeout = TimeSpan.FromSeconds(10),
                LagSample = 0,
                OutageAt = TimeSpan.FromSeconds(2),
                OutageFor = TimeSpan.FromSeconds(5),
                DeliveryDeadline = TimeSpan.FromSeconds(90),
                Drill = new DrillOptions
                {
                    HubCommands = [hubCommand],
                    Kills = [new KillEvent(TimeSpan.FromSeconds(4))],
                    RestartAfter = TimeSpan.FromSeconds(0.5),
                    HubLog = Path.Combine(folder, "hub.log"),
                },
            };
            using var progress = new StringWriter();

            Reporting.LoadReport report;
            try
            {
                report = await LoadTestEngine.RunAsync(options, progress, CancellationToken.None).WaitAsync(TimeSpan.FromMinutes(4));
            }
            finally
            {
                output.WriteLine(progress.ToString());
            }

            output.WriteLine(Reporting.ReportWriter.ToMarkdown(report));
            var drill = Assert.IsType<DrillResult>(report.Drill);
            Assert.True(drill.Passed, string.Join("; ", drill.Problems));
            Assert.Empty(report.Problems());
            var stop = Assert.Single(drill.Kills);
            Assert.Equal(("KILL", true), (stop.Signal, stop.DuringOutage));
            Assert.InRange(stop.ServesAgainAfterSeconds!.Value, 0.5, 120);
            Assert.True(stop.BacklogAtKill > 0, "dossiers OK'd during the outage were waiting when the hub died");
            Assert.Equal(stop.BacklogAtKill, stop.BacklogDelivered);
            Assert.NotNull(stop.BacklogDeliveredAfterBothUpSeconds);
            var verification = report.Verification!;
            Assert.True(verification.GatewayChecked && verification.GatewayComplete);
            Assert.True(verification.Okd > 50, $"{verification.Okd} OK'd");
            Assert.Equal(verification.Okd, verification.Acknowledged);
            Assert.Empty(verification.Lost);
            Assert.Equal(0, verification.DuplicatedWithinLife);
            Assert.True(verification.FailedCalls > 0, "calls fail while the hub is down");
            Assert.Equal(report.Sent, verification.Calls);
            Assert.Contains("# drill: node 1, life 2", await File.ReadAllTextAsync(Path.Combine(folder, "hub.log")), StringComparison.Ordinal);
            // The drill ended the hub it started.
            Assert.False(await new ReadinessProbe(options.GrpcAddress, grpcHealth: true).IsReadyAsync(CancellationToken.None));
        }
        finally
        {
            if (!emulator.HasExited)
            {
                emulator.Kill(entireProcessTree: true);
                await emulator.WaitForExitAsync();
            }

            Directory.Delete(folder, recursive: true);
        }
    }

    private static Process StartEmulator(int port, string keyFile)
    {
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Built("tools/SoSucKhoe.GatewayEmulator", "SoSucKhoe.GatewayEmulator.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        start.ArgumentList.Add($"--Emulator:AdminKeyFile={keyFile}");
        start.ArgumentList.Add("--Logging:LogLevel:Default=Warning");
        var process = Process.Start(start) ?? throw new InvalidOperationException("The emulator did not start.");
        process.OutputDataReceived += static (_, _) => { };
        process.ErrorDataReceived += static (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>A program of the repository, built with the same configuration as the tests.</summary>
    private static string Built(string project, string assembly)
    {
        var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var path = Path.Combine(Repository.Root, project, "bin", framework.Parent!.Name, framework.Name, assembly);
        return File.Exists(path) ? path : throw new FileNotFoundException("Build the solution first.", path);
    }

    private static string Quote(string text) => "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
