using Grpc.AspNetCore.HealthChecks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SoSucKhoe.Api.Health;

/// <summary>
/// The hub's two questions to its health checks. Liveness (<see cref="Live"/>): the process answers; restart it only when it
/// does not. Readiness (<see cref="Ready"/>): it can take traffic now: storage open and committing, catalogues loaded, the silo
/// active, the servers started and not stopping, and the intake not refusing every call. A check tagged <see cref="IntakeOnly"/>
/// concerns only <c>sosuckhoe.v1.Intake</c> (validation's catalogues, the intake's admission).
/// </summary>
public static class HubHealth
{
    /// <summary>Tag of the liveness checks.</summary>
    public const string Live = "live";

    /// <summary>Tag of the readiness checks.</summary>
    public const string Ready = "ready";

    /// <summary>Tag of readiness checks that only the intake service depends on.</summary>
    public const string IntakeOnly = "intake";

    /// <summary>The HTTP liveness path (also on the hub's plain-HTTP port, open without a key).</summary>
    public const string LivePath = "/healthz/live";

    /// <summary>The HTTP readiness path.</summary>
    public const string ReadyPath = "/healthz/ready";

    /// <summary>The historical path: readiness, as its users (tests, scripts waiting for the hub) took it to mean "serving".</summary>
    public const string LegacyPath = "/healthz";

    /// <summary>The gRPC services whose health the grpc.health.v1 service reports, each by its full name.</summary>
    public static IReadOnlyList<string> ServiceNames { get; } =
    [
        V1.Intake.Descriptor.FullName,
        V1.Facilities.Descriptor.FullName,
        V1.Credentials.Descriptor.FullName,
        V1.Audit.Descriptor.FullName,
        V1.HealthBook.Descriptor.FullName,
        V1.Operations.Descriptor.FullName,
        V1.Monitoring.Descriptor.FullName,
    ];

    /// <summary>
    /// grpc.health.v1 by service name: "" (the server as a whole) and <c>sosuckhoe.v1.Intake</c> run every readiness check; the
    /// other services every readiness check but the intake's own.
    /// </summary>
    public static void MapServices(ServiceMappingCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.Clear();
        services.Map(string.Empty, static check => check.Tags.Contains(Ready));
        foreach (var name in ServiceNames)
        {
            var intake = name == V1.Intake.Descriptor.FullName;
            services.Map(name, check => check.Tags.Contains(Ready) && (intake || !check.Tags.Contains(IntakeOnly)));
        }
    }

    /// <summary>
    /// Maps <see cref="LivePath"/>, <see cref="ReadyPath"/> and <see cref="LegacyPath"/> (the same as ready). Each answers 200 with
    /// "Healthy", or 503 with "Unhealthy" and one line per failing check (its name and why); no check's data or exception.
    /// </summary>
    public static IEndpointRouteBuilder MapHubHealthChecks(this IEndpointRouteBuilder endpoints, string host)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapHealthChecks(LivePath, Options(Live)).RequireHost(host);
        endpoints.MapHealthChecks(ReadyPath, Options(Ready)).RequireHost(host);
        endpoints.MapHealthChecks(LegacyPath, Options(Ready)).RequireHost(host);
        return endpoints;
    }

    /// <summary>The plain-text answer: the status, then "name: description" for every check that is not healthy.</summary>
    public static string Describe(HealthReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var lines = new List<string> { report.Status.ToString() };
        lines.AddRange(report.Entries.Where(static e => e.Value.Status != HealthStatus.Healthy).OrderBy(static e => e.Key, StringComparer.Ordinal)
            .Select(static e => $"{e.Key}: {e.Value.Description ?? e.Value.Status.ToString()}"));
        return string.Join('\n', lines) + "\n";
    }

    private static HealthCheckOptions Options(string tag) => new()
    {
        Predicate = check => check.Tags.Contains(tag),
        ResponseWriter = static (context, report) =>
        {
            context.Response.ContentType = "text/plain; charset=utf-8";
            return context.Response.WriteAsync(Describe(report), context.RequestAborted);
        },
    };
}
