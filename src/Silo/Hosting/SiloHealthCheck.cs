using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SoSucKhoe.Silo.Hosting;

/// <summary>Ready only while the co-hosted Orleans silo is active: before, grain calls would wait for it; after, they fail.</summary>
internal sealed class SiloHealthCheck(ISiloStatusOracle silo) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = silo.CurrentStatus;
        return Task.FromResult(status == SiloStatus.Active
            ? HealthCheckResult.Healthy("The silo is active.")
            : HealthCheckResult.Unhealthy($"The silo is not active ({status})."));
    }
}
