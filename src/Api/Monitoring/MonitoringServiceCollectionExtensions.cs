using Microsoft.Extensions.DependencyInjection;

namespace SoSucKhoe.Api.Monitoring;

/// <summary>Registers what the Monitoring service and the dashboard need.</summary>
public static class MonitoringServiceCollectionExtensions
{
    /// <summary>Adds the province scope, the administrative-unit names (from the loaded catalogues) and the readiness watch.</summary>
    public static IServiceCollection AddSoSucKhoeMonitoring(this IServiceCollection services)
    {
        services.AddSingleton<MonitoringScope>();
        services.AddSingleton(sp => new AdministrativeUnitNames(sp.GetRequiredService<Catalogues>().AdministrativeUnits,
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<ReadinessWatch>();
        return services;
    }
}
