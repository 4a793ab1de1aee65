using System.Diagnostics;
using SoSucKhoe.Api.V1;
using SoSucKhoe.Testing;
using static SoSucKhoe.EndToEnd.Tests.MonitoringTestKit;

namespace SoSucKhoe.EndToEnd.Tests;

/// <summary>
/// The documented demo command (<c>dotnet run --project tools/SoSucKhoe.DemoSeed</c>), run small against the hub under test in
/// provinces no other test uses: the province then shows every stage the seed planned, a second run changes nothing, and the seed
/// refuses to touch a facility of its code range that it did not create.
/// </summary>
[Collection(HubCollection.Name)]
public sealed class MonitoringDemoSeedTests(HubFixture hub)
{
    private const string Province = "83";

    /// <summary>The province where a person's facility sits in the demo's code range.</summary>
    private const string TakenProvince = "84";

    [Fact]
    public async Task A_small_demo_seed_shows_every_stage_and_can_be_run_again()
    {
        var first = await RunSeedAsync(build: true);
        var monitoring = MonitoringAs(hub, hub.Clients.AdminKey);
        // Flow counters reach the province aggregate through the silo's flow recorder, flushed once a second: wait for the
        // seed's last dossiers to be counted before reading them.
        ProvinceReadiness readiness = null!;
        await Eventually.Until(async () =>
        {
            readiness = await monitoring.GetProvinceReadinessAsync(new GetProvinceReadinessRequest { ProvinceCode = Province });
            return readiness.Total.Flow.Acknowledged >= 5 * 2;
        }, TimeSpan.FromSeconds(15));
        var second = await RunSeedAsync(build: false);

        Assert.True(first.ExitCode == 0, first.Output);
        Assert.Contains($"Demo seed: hub {hub.Settings.GrpcAddress}, admin key from --admin-key or SOSUCKHOE_ADMIN_KEY, province 83, facilities 83600-83611",
            first.Output, StringComparison.Ordinal);
        Assert.Contains("this run: 12 registered, 0 already at their stage", first.Output, StringComparison.Ordinal);
        Assert.Equal(12, readiness.Total.Facilities);
        // 12 facilities: 1 suspended, 1 registered only, 3 preparing, 2 ready, 5 live (acknowledged by the gateway).
        Assert.Equal([1, 3, 2, 5, 1], readiness.Total.ByState.OrderBy(s => s.State).Select(s => s.Facilities));
        Assert.True(readiness.Districts.Count(d => d.DistrictCode.Length == 3) >= 3, "facilities are spread over the districts");
        Assert.All(readiness.Districts, d => Assert.NotEmpty(d.DistrictName));
        Assert.Equal(readiness.Total.Flow.Accepted, readiness.Total.Flow.Acknowledged);
        Assert.Equal(5 * 2, readiness.Total.Flow.Accepted);
        Assert.True(second.ExitCode == 0, second.Output);
        Assert.Contains("this run: 0 registered, 12 already at their stage, 0 conformance dossiers, 0 production dossiers", second.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_seed_refuses_to_run_when_a_code_of_its_range_holds_a_facility_it_did_not_create()
    {
        var facilities = hub.Clients.AdminFacilities;
        var mine = await facilities.RegisterFacilityAsync(new RegisterFacilityRequest { FacilityCode = "84601", Name = "Phòng khám Hòa Bình" });

        var run = await RunSeedAsync(build: true, TakenProvince, facilities: 3);

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("refused: 1 facility of the demo's codes 84600-84602 was not created by the demo seed: 84601 \"Phòng khám Hòa Bình\"",
            run.Output, StringComparison.Ordinal);
        var after = await facilities.GetFacilityAsync(new GetFacilityRequest { FacilityCode = "84601" });
        Assert.Equal(mine.Revision, after.Revision);
        Assert.Equal(ReadinessState.Registered, after.State);
        foreach (var code in new[] { "84600", "84602" })
        {
            var lookup = await Assert.ThrowsAsync<Grpc.Core.RpcException>(() =>
                facilities.GetFacilityAsync(new GetFacilityRequest { FacilityCode = code }).ResponseAsync);
            Assert.Equal(Grpc.Core.StatusCode.NotFound, lookup.StatusCode);
        }
    }

    private async Task<(int ExitCode, string Output)> RunSeedAsync(bool build, string province = Province, int facilities = 12)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Repository.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "run", build ? "--configuration=Debug" : "--no-build", "--project", Path.Combine("tools", "SoSucKhoe.DemoSeed", "SoSucKhoe.DemoSeed.csproj"), "--",
            "--hub", hub.Settings.GrpcAddress.ToString(), "--admin-key", hub.Clients.AdminKey,
            "--province", province, "--facilities", facilities.ToString(System.Globalization.CultureInfo.InvariantCulture), "--dossiers", "2", "--seed", "83",
        })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await errors);
    }
}
