using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace SoSucKhoe.Forwarding.Gateway;

/// <summary>Registers the national gateway client.</summary>
public static class GatewayServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IGatewayClient"/> (a typed HttpClient) with <see cref="GatewayOptions"/> bound from the
    /// <c>Gateway</c> section of <paramref name="configuration"/> (pass the root configuration).
    /// </summary>
    public static IServiceCollection AddSoSucKhoeGatewayClient(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<GatewayOptions>().Bind(configuration.GetSection(GatewayOptions.SectionName));
        return services.AddGatewayClientCore();
    }

    /// <summary>Registers <see cref="IGatewayClient"/> (a typed HttpClient) with options set in code.</summary>
    public static IServiceCollection AddSoSucKhoeGatewayClient(this IServiceCollection services, Action<GatewayOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<GatewayOptions>().Configure(configure);
        return services.AddGatewayClientCore();
    }

    private static IServiceCollection AddGatewayClientCore(this IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GatewayOptions>, GatewayOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<GatewayTokenCache>();
        services.TryAddSingleton<GatewayResiliencePipeline>();
        services.AddHttpClient<IGatewayClient, GatewayClient>(GatewayClient.HttpClientName, static (provider, http) =>
        {
            var options = provider.GetRequiredService<IOptions<GatewayOptions>>().Value;
            http.BaseAddress = WithTrailingSlash(options.BaseAddress!);

            // Each attempt is bounded by the resilience pipeline's timeout instead.
            http.Timeout = Timeout.InfiniteTimeSpan;
        });
        return services;
    }

    private static Uri WithTrailingSlash(Uri address) =>
        address.AbsoluteUri.EndsWith('/') ? address : new Uri(address.AbsoluteUri + "/");
}
