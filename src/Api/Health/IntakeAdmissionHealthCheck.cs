using Microsoft.Extensions.Diagnostics.HealthChecks;
using SoSucKhoe.Api.Intake;

namespace SoSucKhoe.Api.Health;

/// <summary>
/// Not ready while the intake's admission control refuses every call because the heap is near its limit: a load balancer should
/// send HIS calls to another node until a collection brings the heap down. (A full queue refuses only the surplus: still ready.)
/// </summary>
public sealed class IntakeAdmissionHealthCheck(IntakeAdmission admission) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(admission.RefusesAll
            ? HealthCheckResult.Unhealthy("The intake refuses every call: the hub is short of memory.")
            : HealthCheckResult.Healthy("The intake admits calls."));
}
