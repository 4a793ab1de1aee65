using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using SoSucKhoe.Api.Book;
using SoSucKhoe.Api.Errors;
using SoSucKhoe.Api.Facilities;
using SoSucKhoe.Api.Forwarding;
using SoSucKhoe.Api.Health;
using SoSucKhoe.Api.Intake;
using SoSucKhoe.Api.Monitoring;
using SoSucKhoe.Api.Security;
using SoSucKhoe.Dossiers.Reading;
using SoSucKhoe.Dossiers.Validation;

namespace SoSucKhoe.Api;

/// <summary>Registers and maps the public gRPC API.</summary>
public static class ApiServiceCollectionExtensions
{
    /// <summary>
    /// Adds the gRPC services, server reflection, the grpc.health.v1 service per service name with the API's health checks
    /// (<see cref="HubHealth"/>: liveness, and readiness of the catalogues, the servers and the intake's admission; the host adds
    /// storage and silo), the error mapping, and the dossier reader and validator (sections "Validation" and "Reader") with the
    /// catalogues loaded before start (<see cref="CatalogueLoader"/>).
    /// </summary>
    public static IServiceCollection AddSoSucKhoeApi(this IServiceCollection services, IConfiguration configuration, int maxMessageBytes,
        Catalogues catalogues)
    {
        services.AddGrpc(options =>
        {
            options.MaxReceiveMessageSize = maxMessageBytes;
            options.EnableDetailedErrors = false;
            options.Interceptors.Add<ExceptionMappingInterceptor>();
            options.Interceptors.Add<AccessInterceptor>();
        });
        services.AddGrpcReflection();
        services.AddGrpcHealthChecks(options => HubHealth.MapServices(options.Services))
            .AddCheck("process", static () => HealthCheckResult.Healthy("The process answers."), tags: [HubHealth.Live])
            .AddCheck<CatalogueHealthCheck>("catalogues", tags: [HubHealth.Ready, HubHealth.IntakeOnly])
            .AddCheck<ServingHealthCheck>("serving", tags: [HubHealth.Ready])
            .AddCheck<IntakeAdmissionHealthCheck>("intake-admission", tags: [HubHealth.Ready, HubHealth.IntakeOnly]);
        services.TryAddSingleton(TimeProvider.System);

        services.AddOptions<DossierValidationOptions>().Bind(configuration.GetSection("Validation"));
        services.AddOptions<DossierReaderOptions>().Bind(configuration.GetSection("Reader"));
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<DossierValidationOptions>>().Value);
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<DossierReaderOptions>>().Value);
        services.AddSingleton(catalogues);
        // The grains place facilities in today's units with the same lists the validator checks residences against.
        services.AddSingleton(catalogues.AdministrativeUnits);
        services.AddSingleton(sp => new DossierValidator(sp.GetRequiredService<DossierValidationOptions>(), sp.GetRequiredService<Catalogues>().Rules));
        services.AddOptions<HealthBookOptions>().Bind(configuration.GetSection(HealthBookOptions.SectionName));
        services.AddOptions<SecurityOptions>().Bind(configuration.GetSection(SecurityOptions.SectionName))
            .Validate(o => o.RefusalReportInterval > TimeSpan.Zero, "Security:RefusalReportInterval must be positive.")
            .ValidateOnStart();
        services.AddSingleton<AccessPolicy>();
        services.AddSingleton<CredentialCache>();
        services.AddSingleton<Authenticator>();
        services.AddSingleton<Authorizer>();
        services.AddSingleton<CallerRateLimiter>();
        services.AddSingleton<AccessRefusals>();
        services.AddSingleton<CredentialIssuer>();
        services.AddHostedService<BootstrapAdminKey>();
        services.AddOptions<IntakeOptions>().Bind(configuration.GetSection(IntakeOptions.SectionName));
        services.AddOptions<IntakeAdmissionOptions>().Bind(configuration.GetSection(IntakeOptions.SectionName))
            .Validate(o => o.MaxQueued >= 0, "Intake:MaxQueued must not be negative.")
            .Validate(o => o.MaxQueueWait > TimeSpan.Zero, "Intake:MaxQueueWait must be positive.")
            .Validate(o => o.MemoryRefusalRatio is >= 0 and <= 1, "Intake:MemoryRefusalRatio must be between 0 and 1.")
            .Validate(o => o.RetryAfter > TimeSpan.Zero, "Intake:RetryAfter must be positive.")
            .ValidateOnStart();
        services.AddSingleton<IntakeAdmission>();
        services.AddSingleton<SignatureGate>();
        services.AddSingleton<PersonResolver>();
        services.AddSingleton<DossierIntake>();
        services.AddSoSucKhoeMonitoring();
        services.AddSingleton<FacilityLocationValidator>();
        services.AddSingleton<FacilityProfiles>();
        return services;
    }

    /// <summary>Maps the gRPC services, reflection and health on the gRPC host (e.g. "*:5080").</summary>
    public static IEndpointRouteBuilder MapSoSucKhoeApi(this IEndpointRouteBuilder endpoints, string host)
    {
        endpoints.MapGrpcService<IntakeService>().RequireHost(host);
        endpoints.MapGrpcService<FacilitiesService>().RequireHost(host);
        endpoints.MapGrpcService<CredentialsService>().RequireHost(host);
        endpoints.MapGrpcService<AuditService>().RequireHost(host);
        endpoints.MapGrpcService<HealthBookService>().RequireHost(host);
        endpoints.MapGrpcService<OperationsService>().RequireHost(host);
        endpoints.MapGrpcService<MonitoringService>().RequireHost(host);
        endpoints.MapMonitoringDashboard(host);
        endpoints.MapGrpcReflectionService().RequireHost(host);
        endpoints.MapGrpcHealthChecksService().RequireHost(host);
        return endpoints;
    }
}
