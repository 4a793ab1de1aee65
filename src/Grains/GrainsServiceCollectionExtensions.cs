using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Runtime;
using SoSucKhoe.Grains.Gateway;
using SoSucKhoe.Grains.Interop;

namespace SoSucKhoe.Grains;

/// <summary>Registers what the grains need from the host.</summary>
public static class GrainsServiceCollectionExtensions
{
    /// <summary>
    /// Adds the interop settings (section "Interop"), the resilient gateway client (section "Gateway"), the time provider and the
    /// start-up re-drive of the outbox.
    /// </summary>
    public static IServiceCollection AddSoSucKhoeGrains(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<InteropOptions>().Bind(configuration.GetSection(InteropOptions.SectionName));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSoSucKhoeGatewayClient(configuration);
        services.AddSingleton<OutboxRedriveStartup>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<OutboxRedriveStartup>());
        return services;
    }
}
