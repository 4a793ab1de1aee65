using Google.Rpc;
using Grpc.Core;
using SoSucKhoe.Api.Security;
using SoSucKhoe.Api.V1;
using SoSucKhoe.TestData;
using static SoSucKhoe.EndToEnd.Tests.MonitoringTestKit;

namespace SoSucKhoe.EndToEnd.Tests;

/// <summary>
/// Who may read the province view (province keys their own province, admin keys any, facility keys never), how requests are
/// validated, and the alerts the province sees.
/// </summary>
[Collection(HubCollection.Name)]
public sealed class MonitoringAccessTests(HubFixture hub)
{
    private const string Province = "94";

    [Fact]
    public async Task A_facility_key_is_refused_by_every_monitoring_rpc()
    {
        await hub.Clients.RegisterWithProfileAsync("94501", "Phòng khám 94501", "943");
        var facilityKey = await hub.Clients.IssueConnectionCodeAsync("94501");
        var monitoring = MonitoringAs(hub, facilityKey);

        var errors = new[]
        {
            await FailsAsync(monitoring.GetProvinceReadinessAsync(new GetProvinceReadinessRequest { ProvinceCode = Province })),
            await FailsAsync(monitoring.ListFacilitiesAsync(new ListProvinceFacilitiesRequest())),
            await FailsAsync(monitoring.GetFlowStatsAsync(new GetFlowStatsRequest { FacilityCode = "94501" })),
            await FailsAsync(monitoring.ListAlertsAsync(new ListAlertsRequest())),
            await FailsAsync(monitoring.GetSemiannualReportAsync(new GetSemiannualReportRequest { Year = 2025, Half = 1 })),
            await Assert.ThrowsAsync<RpcException>(async () =>
            {
                using var call = monitoring.WatchReadiness(new WatchReadinessRequest());
                await call.ResponseStream.MoveNext(CancellationToken.None);
            }),
        };

        Assert.All(errors, e =>
        {
            Assert.Equal(StatusCode.PermissionDenied, e.StatusCode);
            Assert.Equal(Authorizer.RoleNotAllowed, e.GetRpcStatus()!.GetDetail<ErrorInfo>().Reason);
        });
    }

    [Fact]
    public async Task A_province_key_reads_its_own_province_by_default_and_is_refused_another_one()
    {
        await RegisterAsync(hub, "94001", "Trạm y tế 94001", "941");
        var own = MonitoringAs(hub, await ProvinceKeyAsync(hub, Province));
        var neighbour = MonitoringAs(hub, await ProvinceKeyAsync(hub, "95"));

        var mine = await own.GetProvinceReadinessAsync(new GetProvinceReadinessRequest());
        var explicitly = await own.ListFacilitiesAsync(new ListProvinceFacilitiesRequest { ProvinceCode = Province });
        var refused = new[]
        {
            await FailsAsync(neighbour.GetProvinceReadinessAsync(new GetProvinceReadinessRequest { ProvinceCode = Province })),
            await FailsAsync(neighbour.ListFacilitiesAsync(new ListProvinceFacilitiesRequest { ProvinceCode = Province })),
            await FailsAsync(neighbour.GetSemiannualReportAsync(new GetSemiannualReportRequest { ProvinceCode = Province, Year = 2025, Half = 1 })),
            await FailsAsync(neighbour.ListAlertsAsync(new ListAlertsRequest { ProvinceCode = Province })),
        };
        var foreignFacility = await FailsAsync(neighbour.GetFlowStatsAsync(new GetFlowStatsRequest { FacilityCode = "94001" }));

        Assert.Equal(Province, mine.ProvinceCode);
        Assert.True(mine.Total.Facilities >= 1);
        Assert.Contains(explicitly.Facilities, f => f.FacilityCode == "94001" && f.State == ReadinessState.Registered && f.DistrictCode == "941");
        Assert.All(refused, e =>
        {
            Assert.Equal(StatusCode.PermissionDenied, e.StatusCode);
            Assert.Equal(Authorizer.ScopeMismatch, e.GetRpcStatus()!.GetDetail<ErrorInfo>().Reason);
        });
        // Its own province (95) does not hold the facility: nothing about it leaks.
        Assert.Equal(StatusCode.NotFound, foreignFacility.StatusCode);
    }

    [Fact]
    public async Task An_admin_key_reads_any_province_and_the_hubs_own_by_default()
    {
        var admin = MonitoringAs(hub, hub.Clients.AdminKey);

        var hubProvince = await admin.GetProvinceReadinessAsync(new GetProvinceReadinessRequest());
        var other = await admin.GetProvinceReadinessAsync(new GetProvinceReadinessRequest { ProvinceCode = "96" });

        // The hub serves the new Đồng Nai (75), formed from Bình Phước (70) and Đồng Nai (75) on 01/07/2025.
        Assert.Equal("75", hubProvince.ProvinceCode);
        // Its name as it is today: Thành phố Đồng Nai since 30/04/2026.
        Assert.Equal("Thành phố Đồng Nai", hubProvince.ProvinceName);
        Assert.Equal("96", other.ProvinceCode);
        Assert.Equal(0, other.Total.Facilities);
        Assert.Equal(2, hubProvince.Phases.Count);
    }

    [Fact]
    public async Task Invalid_requests_get_invalid_argument_naming_every_bad_field()
    {
        var admin = MonitoringAs(hub, hub.Clients.AdminKey);

        var report = await FailsAsync(admin.GetSemiannualReportAsync(new GetSemiannualReportRequest { ProvinceCode = "7", Year = 1999, Half = 3 }));
        var list = await FailsAsync(admin.ListFacilitiesAsync(new ListProvinceFacilitiesRequest
        {
            DistrictCode = "12",
            PageSize = 501,
            PageToken = "not-a-token",
            State = (ReadinessState)42,
        }));
        var flow = await FailsAsync(admin.GetFlowStatsAsync(new GetFlowStatsRequest { FacilityCode = "9" }));

        Assert.Equal(["REQUEST.half", "REQUEST.province_code", "REQUEST.year"], Fields(report));
        Assert.Equal(["REQUEST.district_code", "REQUEST.page_size", "REQUEST.page_token", "REQUEST.state"], Fields(list));
        Assert.Equal(["REQUEST.facility_code"], Fields(flow));
        Assert.All(new[] { report, list, flow }, e => Assert.Equal(StatusCode.InvalidArgument, e.StatusCode));
        Assert.Contains(report.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations, v => v.Description.StartsWith("province_code_format:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_certificate_expiring_within_30_days_raises_an_alert_and_a_long_one_does_not()
    {
        await RegisterAsync(hub, "94101", "Phòng khám 94101", "942");
        await RegisterAsync(hub, "94102", "Phòng khám 94102", "942");
        var now = DateTimeOffset.UtcNow;
        await AddCertificateAsync("94101", now.AddDays(-1), now.AddDays(10));
        await AddCertificateAsync("94102", now.AddDays(-1), now.AddDays(200));
        var monitoring = MonitoringAs(hub, await ProvinceKeyAsync(hub, Province));

        var expiring = await monitoring.ListAlertsAsync(new ListAlertsRequest { Kind = ReadinessAlertKind.CertificateExpiring });
        var silent = await monitoring.ListAlertsAsync(new ListAlertsRequest { Kind = ReadinessAlertKind.Silent });

        var alert = Assert.Single(expiring.Alerts, a => a.FacilityCode == "94101");
        Assert.Equal("942", alert.DistrictCode);
        Assert.DoesNotContain(expiring.Alerts, a => a.FacilityCode == "94102");
        Assert.All(expiring.Alerts, a => Assert.Equal(ReadinessAlertKind.CertificateExpiring, a.Kind));
        Assert.DoesNotContain(silent.Alerts, a => a.FacilityCode.StartsWith(Province, StringComparison.Ordinal));
        var row = (await monitoring.ListFacilitiesAsync(new ListProvinceFacilitiesRequest { DistrictCode = "942" })).Facilities.Single(f => f.FacilityCode == "94101");
        Assert.InRange(row.EarliestCertificateExpiry.ToDateTimeOffset() - now.AddDays(10), TimeSpan.FromSeconds(-2), TimeSpan.FromSeconds(2));
    }

    private Task<SigningCertificate> AddCertificateAsync(string code, DateTimeOffset notBefore, DateTimeOffset notAfter) =>
        hub.Clients.AdminFacilities.AddSigningCertificateAsync(new AddSigningCertificateRequest
        {
            FacilityCode = code,
            CertificatePem = FacilityCertificates.Create(code, notBefore, notAfter).ExportCertificatePem(),
        }).ResponseAsync;

    private static string[] Fields(RpcException error) =>
        [.. error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Select(v => v.Field).Order(StringComparer.Ordinal)];
}
