using System.Diagnostics;
using SoSucKhoe.Api.V1;
using SoSucKhoe.Testing;
using static SoSucKhoe.EndToEnd.Tests.MonitoringTestKit;

namespace SoSucKhoe.EndToEnd.Tests;

/// <summary>
/// The documented demo command (<c>dotnet run --project tools/SoSucKhoe.DemoSeed</c>), run small against the hub under test in
/// provinces of today that no other test uses (86, the new Vĩnh Long, formed from 83, 84 and 86, as the default demo province 75
/// was formed from 70 and 75): the province then shows every stage the seed planned, its facilities grouped by today's communes
/// and by their former districts, a second run changes nothing, and the seed refuses to touch a facility of its code range that
/// it did not create.
/// </summary>
[Collection(HubCollection.Name)]
public sealed class MonitoringDemoSeedTests(HubFixture hub)
{
    private const string Province = "86";

    /// <summary>The province of today (80, formed from 72 and 80) where a person's facility sits in the demo's code range.</summary>
    private const string TakenProvince = "80";

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
        Assert.Contains($"Demo seed: hub {hub.Settings.GrpcAddress}, admin key from --admin-key or SOSUCKHOE_ADMIN_KEY, province 86, "
            + "facilities 83600-83603, 84600-84603, 86600-86603", first.Output, StringComparison.Ordinal);
        Assert.Contains("this run: 12 registered, 0 already at their stage", first.Output, StringComparison.Ordinal);
        Assert.Equal(12, readiness.Total.Facilities);
        // 12 facilities: 1 suspended, 1 registered only, 3 preparing, 2 ready, 5 live (acknowledged by the gateway).
        Assert.Equal([1, 3, 2, 5, 1], readiness.Total.ByState.OrderBy(s => s.State).Select(s => s.Facilities));
        Assert.True(readiness.Districts.Count(d => d.DistrictCode.Length == 3) >= 3, "facilities are spread over the former districts");
        Assert.All(readiness.Districts, d => Assert.NotEmpty(d.DistrictName));
        // Every facility of the former provinces is placed in a commune of today's province, with today's name.
        Assert.Equal("Tỉnh Vĩnh Long", readiness.ProvinceName);
        Assert.True(readiness.Communes.Count >= 3, "facilities are spread over today's communes");
        Assert.All(readiness.Communes, c => Assert.Matches("^[0-9]{5}$", c.CommuneCode));
        Assert.All(readiness.Communes, c => Assert.NotEmpty(c.CommuneName));
        Assert.Equal(12, readiness.Communes.Sum(c => c.Facilities));
        Assert.Equal(readiness.Total.Flow.Accepted, readiness.Communes.Sum(c => c.Flow.Accepted));
        var facilities = await monitoring.ListFacilitiesAsync(new ListProvinceFacilitiesRequest { ProvinceCode = Province, PageSize = 100 });
        Assert.Equal(["83", "84", "86"], facilities.Facilities.Select(f => f.FacilityCode[..2]).Distinct().Order());
        var inFirstCommune = await monitoring.ListFacilitiesAsync(new ListProvinceFacilitiesRequest
        {
            ProvinceCode = Province,
            CommuneCode = readiness.Communes[0].CommuneCode,
        });
        Assert.Equal(readiness.Communes[0].Facilities, inFirstCommune.TotalMatching);

        // The six-monthly report sums the same visits per commune of today and per former district.
        var report = await monitoring.GetSemiannualReportAsync(new GetSemiannualReportRequest { ProvinceCode = Province, Year = 2026, Half = 2 });
        var total = report.Lines.Where(l => l.FacilityCode.Length == 0).Sum(l => l.Visits);
        Assert.Equal(5 * 2, total);
        Assert.Equal(total, report.Communes.Sum(l => l.Visits));
        Assert.Equal(total, report.FormerDistricts.Sum(l => l.Visits));
        Assert.All(report.Communes, l => Assert.Contains(readiness.Communes, c => c.CommuneCode == l.CommuneCode));
        Assert.All(report.Communes.Where(l => l.Visits > 0), l => Assert.NotEmpty(l.CommuneName));
        Assert.All(report.Lines.Where(l => l.FacilityCode.Length > 0), l => Assert.Matches("^[0-9]{5}$", l.CommuneCode));
        Assert.Equal(readiness.Total.Flow.Accepted, readiness.Total.Flow.Acknowledged);
        Assert.Equal(5 * 2, readiness.Total.Flow.Accepted);
        Assert.True(second.ExitCode == 0, second.Output);
        Assert.Contains("this run: 0 registered, 12 already at their stage, 0 conformance dossiers, 0 production dossiers", second.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_seed_refuses_to_run_when_a_code_of_its_range_holds_a_facility_it_did_not_create()
    {
        var facilities = hub.Clients.AdminFacilities;
        var mine = await facilities.RegisterFacilityAsync(new RegisterFacilityRequest { FacilityCode = "72601", Name = "Phòng khám Hòa Bình" });

        var run = await RunSeedAsync(build: true, TakenProvince, facilities: 3);

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("refused: 1 facility of the demo's codes 72600-72601, 80600-80600 was not created by the demo seed: 72601 \"Phòng khám Hòa Bình\"",
            run.Output, StringComparison.Ordinal);
        var after = await facilities.GetFacilityAsync(new GetFacilityRequest { FacilityCode = "72601" });
        Assert.Equal(mine.Revision, after.Revision);
        Assert.Equal(ReadinessState.Registered, after.State);
        foreach (var code in new[] { "72600", "80600" })
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
