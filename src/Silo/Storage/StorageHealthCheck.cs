using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace SoSucKhoe.Silo.Storage;

/// <summary>
/// Ready only while the grain storage serves: the embedded profile's store reads, and commits again after a failed commit (see
/// <see cref="SqliteGrainStore.ProbeAsync"/>); the cluster profile's PostgreSQL answers a query. While it does not, every intake
/// call fails with UNAVAILABLE, so the node must not get HIS traffic.
/// </summary>
internal sealed class StorageHealthCheck(Func<Task<string?>> probe) : IHealthCheck
{
    /// <summary>The check of the embedded profile's store.</summary>
    public static StorageHealthCheck Embedded(SqliteGrainStore store) => new(store.ProbeAsync);

    /// <summary>The check of the cluster profile's database.</summary>
    public static StorageHealthCheck Postgres(string connectionString) => new(async () =>
    {
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync().ConfigureAwait(false);
            await using var command = new NpgsqlCommand("SELECT 1", connection);
            await command.ExecuteScalarAsync().ConfigureAwait(false);
            return null;
        }
        catch (Exception exception) when (exception is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            return "the PostgreSQL database does not answer";
        }
    });

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var problem = await probe().WaitAsync(cancellationToken).ConfigureAwait(false);
        return problem is null
            ? HealthCheckResult.Healthy("The grain storage serves.")
            : HealthCheckResult.Unhealthy($"The grain storage does not serve: {problem}.");
    }
}
