using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Storage;
using SoSucKhoe.Facilities;
using SoSucKhoe.Forwarding.Gateway;
using SoSucKhoe.Grains.Forwarding;
using SoSucKhoe.Grains.Monitoring;
using SoSucKhoe.Grains.Patients;
using SoSucKhoe.Grains.Runtime;
using SoSucKhoe.Grains.Security;
using SoSucKhoe.Monitoring;
using SoSucKhoe.Patients;

namespace SoSucKhoe.Grains;

/// <summary>Registers what the grains need from the host.</summary>
public static class GrainsServiceCollectionExtensions
{
    /// <summary>
    /// Adds the forwarding settings (section "Forwarding"), the resilient gateway client (section "Gateway"), the time provider, the
    /// start-up re-drive of the outbox, readiness settings (section "Readiness", validated at start) with the start-up of the
    /// province aggregate, the flow recorder (section "Monitoring"), the secret protector (section "Secrets") and the episode
    /// registry (over the main grain storage). Orleans' membership and watchdog get <see cref="MembershipClock"/>, whose timestamps
    /// count from the silo's start (see there why).
    /// </summary>
    public static IServiceCollection AddSoSucKhoeGrains(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ForwardingOptions>().Bind(configuration.GetSection(ForwardingOptions.SectionName));
        services.TryAddSingleton(TimeProvider.System);
        // Facilities are placed in today's units with the host's lists; a host without lists places them as recorded.
        services.TryAddSingleton(SoSucKhoe.Dossiers.Catalogues.AdministrativeUnitHistory.None);
        // The watchdog reads a timestamp before it writes it: see MembershipClock for why its zero must be the silo's start.
        services.TryAddKeyedSingleton<TimeProvider>(TimeProviderNames.Membership, (_, _) => new MembershipClock());
        services.AddSoSucKhoeGatewayClient(configuration);
        services.AddSingleton<OutboxRedriveStartup>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<OutboxRedriveStartup>());

        services.AddOptions<ReadinessOptions>().Bind(configuration.GetSection(ReadinessOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ReadinessOptions>, ReadinessOptionsValidator>());
        services.AddOptions<MonitoringOptions>().Bind(configuration.GetSection(MonitoringOptions.SectionName))
            .Validate(o => o.FlushInterval > TimeSpan.Zero, "Monitoring:FlushInterval must be positive.")
            .Validate(o => o.CareTypes.Values.All(c => c != CareType.Unspecified) && o.DefaultCareType != CareType.Unspecified,
                "Monitoring:CareTypes and DefaultCareType must name one of the six care types.")
            .ValidateOnStart();
        services.AddOptions<SecretsOptions>().Bind(configuration.GetSection(SecretsOptions.SectionName));
        services.TryAddSingleton<ReadinessClock>(sp => new ReadinessClock(sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<ISecretProtector, SecretProtector>();
        services.AddSingleton<FlowRecorder>();
        services.AddSingleton<IFlowRecorder>(sp => sp.GetRequiredService<FlowRecorder>());
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<FlowRecorder>());
        services.AddSingleton<IEpisodeRegistry>(sp => new EpisodeRegistry(
            sp.GetRequiredKeyedService<IGrainStorage>(StorageNames.Main), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<ReadinessStartup>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<ReadinessStartup>());
        return services;
    }
}
