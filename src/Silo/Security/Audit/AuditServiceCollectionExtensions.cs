using Microsoft.Extensions.DependencyInjection.Extensions;
using SoSucKhoe.Api.Security.Audit;

namespace SoSucKhoe.Silo.Security.Audit;

/// <summary>Registers the audit trail (<see cref="IAuditTrail"/>, a singleton disposed with the host).</summary>
public static class AuditServiceCollectionExtensions
{
    /// <summary>The audit trail in the embedded profile's SQLite file.</summary>
    /// <param name="connectionString">The connection string returned by <c>EmbeddedStorage.Prepare</c> (which applies the schema).</param>
    /// <param name="subjectHashKey">The secret of the subject hash (see <see cref="AuditSubjectProtector"/>).</param>
    public static IServiceCollection AddSqliteAuditTrail(this IServiceCollection services, string connectionString, string subjectHashKey)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var protector = new AuditSubjectProtector(subjectHashKey);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(provider => new SqliteAuditTrail(
            connectionString, protector, provider.GetService<TimeProvider>(), provider.GetService<ILogger<SqliteAuditTrail>>()));
        services.AddSingleton<IAuditTrail>(provider => provider.GetRequiredService<SqliteAuditTrail>());
        return services;
    }

    /// <summary>The audit trail in PostgreSQL.</summary>
    /// <param name="connectionString">The cluster database (schema applied by <c>PostgresStorage.ApplySchemaAsync</c>).</param>
    /// <param name="subjectHashKey">The secret of the subject hash (see <see cref="AuditSubjectProtector"/>).</param>
    public static IServiceCollection AddPostgresAuditTrail(this IServiceCollection services, string connectionString, string subjectHashKey)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var protector = new AuditSubjectProtector(subjectHashKey);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(provider => new PostgresAuditTrail(
            connectionString, protector, provider.GetService<TimeProvider>(), provider.GetService<ILogger<PostgresAuditTrail>>()));
        services.AddSingleton<IAuditTrail>(provider => provider.GetRequiredService<PostgresAuditTrail>());
        return services;
    }
}
