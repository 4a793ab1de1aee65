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
    /// With <see cref="EmulatorOptions.AdminKey"/> set, the control endpoints answer 401 unless the request carries
    /// <c>Authorization: Bearer &lt;that key&gt;</c>; without it they leave the check to the host.
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

        var key = string.IsNullOrWhiteSpace(options.AdminKey) ? null : options.AdminKey.Trim();
        group.MapGet("emulator/stats", Guard(key, handler.GetStatsAsync));
        group.MapGet("emulator/received", Guard(key, handler.GetReceivedAsync));
        group.MapGet("emulator/faults", Guard(key, handler.GetFaultsAsync));
        group.MapPost("emulator/faults", Guard(key, handler.SetFaultsAsync));
        group.MapPost("emulator/reset", Guard(key, handler.ResetAsync));
        group.AllowAnonymous();
        return group;
    }

    private static RequestDelegate Guard(string? key, RequestDelegate control) =>
        key is null
            ? control
            : context =>
            {
                if (EmulatorAdminKey.Matches(key, context.Request.Headers.Authorization.ToString()))
                {
                    return control(context);
                }

                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                context.Response.Headers.WWWAuthenticate = "Bearer";
                return Task.CompletedTask;
            };
}
