using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SoSucKhoe.Api.Security;
using SoSucKhoe.Monitoring;
using SoSucKhoe.Security;

namespace SoSucKhoe.Api.Monitoring;

/// <summary>
/// The province dashboard on the plain-HTTP port: <c>GET /dashboard</c> (HTML) and <c>GET /dashboard/bao-cao-6-thang.csv?nam=2025&amp;ky=1</c>
/// (the semiannual report). Admin keys only (<c>Authorization: Bearer &lt;admin key&gt;</c>): 401 without a valid key, 403 for other
/// roles. Optional query <c>tinh</c> picks the province (default: the hub's). Not served on the gRPC port.
/// </summary>
public static class DashboardEndpoints
{
    /// <summary>The dashboard's path.</summary>
    public const string Path = "/dashboard";

    /// <summary>The semiannual report's path.</summary>
    public const string ReportPath = Path + "/bao-cao-6-thang.csv";

    /// <summary>Maps the dashboard; requests that arrive on the gRPC host's port get 404.</summary>
    /// <param name="grpcHost">The gRPC host pattern ("*:5080") the API is mapped on.</param>
    public static IEndpointRouteBuilder MapMonitoringDashboard(this IEndpointRouteBuilder endpoints, string grpcHost)
    {
        var grpcPort = grpcHost.LastIndexOf(':') is var colon and >= 0
            && int.TryParse(grpcHost[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) ? port : -1;
        var group = endpoints.MapGroup(Path);
        group.AddEndpointFilter(async (context, next) =>
        {
            if (context.HttpContext.Connection.LocalPort == grpcPort)
            {
                return Results.NotFound();
            }

            return await RequireAdminAsync(context.HttpContext) ?? await next(context);
        });
        group.MapGet(string.Empty, RenderAsync);
        group.MapGet("/bao-cao-6-thang.csv", ReportAsync);
        return endpoints;
    }

    private static async Task<IResult?> RequireAdminAsync(HttpContext context)
    {
        CallerPrincipal caller;
        var refusals = context.RequestServices.GetRequiredService<AccessRefusals>();
        try
        {
            var header = context.Request.Headers.Authorization.ToString();
            caller = await context.RequestServices.GetRequiredService<Authenticator>().AuthenticateHeaderAsync(header.Length > 0 ? header : null);
        }
        catch (AccessRefusedException refused)
        {
            refusals.Record(AccessRefusals.SourceOf(context.Connection), Path, refused.Reason, refused.KeyId);
            context.Response.Headers.WWWAuthenticate = "Bearer";
            return Results.StatusCode(StatusCodes.Status401Unauthorized);
        }

        if (caller.Role != CallerRole.Admin)
        {
            refusals.Record(AccessRefusals.SourceOf(context.Connection), Path, AccessRefusalReasons.RoleNotAllowed, caller.KeyId);
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }

        return null;
    }

    private static async Task<IResult> RenderAsync(HttpContext context, IGrainFactory grains, MonitoringScope scope,
        AdministrativeUnitNames names, TimeProvider time)
    {
        if (Province(context, scope) is not { } province)
        {
            return Results.Text("Tham số tinh phải là mã tỉnh 2 chữ số.", "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
        }

        var data = await DashboardData.LoadAsync(grains, province, time.GetUtcNow());
        context.Response.Headers.CacheControl = "no-store";
        return Results.Content(DashboardPage.Render(data, names, ReportPath), "text/html; charset=utf-8");
    }

    private static async Task<IResult> ReportAsync(HttpContext context, IGrainFactory grains, MonitoringScope scope,
        AdministrativeUnitNames names)
    {
        if (Province(context, scope) is not { } province)
        {
            return Results.Text("Tham số tinh phải là mã tỉnh 2 chữ số.", "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
        }

        var query = context.Request.Query;
        if (!int.TryParse(query["nam"], NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 2000 or > 2100)
        {
            return Results.Text("Tham số nam phải là năm từ 2000 đến 2100.", "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
        }

        if (!int.TryParse(query["ky"], NumberStyles.None, CultureInfo.InvariantCulture, out var half) || half is not (1 or 2))
        {
            return Results.Text("Tham số ky phải là 1 (6 tháng đầu năm) hoặc 2 (6 tháng cuối năm).", "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
        }

        var period = MonitoringService.Period(year, half);
        var report = await grains.GetGrain<IProvinceReadinessGrain>(province).GetSemiannualReport(period);
        context.Response.Headers.CacheControl = "no-store";
        return Results.File(SemiannualCsv.Write(report, names), "text/csv; charset=utf-8", $"bao-cao-6-thang-{province}-{period}.csv");
    }

    private static string? Province(HttpContext context, MonitoringScope scope)
    {
        var requested = context.Request.Query["tinh"].ToString();
        return requested.Length == 0 ? scope.HubProvince : MonitoringScope.IsProvinceCode(requested) ? requested : null;
    }
}
