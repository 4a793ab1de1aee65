using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SoSucKhoe.GatewayEmulator;

/// <summary>Hosts the gateway emulator inside any ASP.NET Core application.</summary>
public static class GatewayEmulatorExtensions
{
    /// <summary>Registers the emulator's state and handlers; <paramref name="configure"/> sets accounts, lifetimes and faults.</summary>
    public static IServiceCollection AddGatewayEmulator(this IServiceCollection services, Action<EmulatorOptions>? configure = null)
    {
        var options = services.AddOptions<EmulatorOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<GatewayEmulatorState>();
        services.TryAddSingleton<EmulatorRequestHandler>();
        return services;
    }

    /// <summary>
    /// Maps the gateway services under <paramref name="prefix"/> (the token path, and the check-in and dossier paths of every
    /// standard of <see cref="EmulatorOptions.Standards"/>) and the control endpoints <c>{prefix}/emulator/stats</c>, <c>received</c>, <c>faults</c>
    /// and <c>reset</c>. The gateway's own token check stands in for host authentication (the group allows anonymous callers).
    /// </summary>
    public static RouteGroupBuilder MapGatewayEmulator(this IEndpointRouteBuilder endpoints, string prefix = "/gateway")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var options = endpoints.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<EmulatorOptions>>().Value;
        var handler = endpoints.ServiceProvider.GetRequiredService<EmulatorRequestHandler>();

        var group = endpoints.MapGroup(prefix);
        group.MapPost(options.TokenPath, handler.TakeTokenAsync);
        foreach (var (name, standard) in options.Standards)
        {
            group.MapPost(standard.CheckInPath, context => handler.ReceiveAsync(context, ReceivedKind.CheckIn, name, standard));
            group.MapPost(standard.DossierPath, context => handler.ReceiveAsync(context, ReceivedKind.Dossier, name, standard));
        }

        group.MapGet("emulator/stats", handler.GetStatsAsync);
        group.MapGet("emulator/received", handler.GetReceivedAsync);
        group.MapGet("emulator/faults", handler.GetFaultsAsync);
        group.MapPost("emulator/faults", handler.SetFaultsAsync);
        group.MapPost("emulator/reset", handler.ResetAsync);
        group.AllowAnonymous();
        return group;
    }
}
