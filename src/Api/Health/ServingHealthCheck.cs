using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace SoSucKhoe.Api.Health;

/// <summary>
/// Ready once the host has started (Kestrel bound the gRPC and HTTP endpoints, every hosted service, the silo among them, started)
/// and until it begins to stop: a load balancer then takes the node out before its calls are cut.
/// </summary>
public sealed class ServingHealthCheck(IHostApplicationLifetime lifetime) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(
            lifetime.ApplicationStopping.IsCancellationRequested ? HealthCheckResult.Unhealthy("The hub is stopping.")
            : !lifetime.ApplicationStarted.IsCancellationRequested ? HealthCheckResult.Unhealthy("The hub has not finished starting: gRPC is not served yet.")
            : HealthCheckResult.Healthy("The hub serves gRPC."));
}
