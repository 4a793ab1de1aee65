using Npgsql;
using Orleans.Configuration;

namespace SoSucKhoe.Silo.Storage;

/// <summary>
/// The cluster storage profile: membership, grain state and reminders in PostgreSQL (15+) through the Orleans
/// ADO.NET providers, on the schema in deploy/sql/postgresql.
/// </summary>
public static class PostgresStorage
{
    /// <summary>The ADO.NET invariant Orleans maps to Npgsql.</summary>
    public const string Invariant = "Npgsql";

    // Serializes schema application when several silos start at once ("SoSucKho" in ASCII).
    private const long SchemaLockKey = 0x536F_5375_634B_686F;

    /// <summary>
    /// Applies the PostgreSQL schema scripts (idempotent) in one transaction under an advisory lock. The database
    /// named in <paramref name="connectionString"/> must exist.
    /// </summary>
    public static async Task ApplySchemaAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var scripts = SchemaScripts.Read(SchemaScripts.PostgreSql);

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", connection, transaction))
        {
            lockCommand.Parameters.AddWithValue("key", SchemaLockKey);
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }

        foreach (var script in scripts)
        {
            await using var command = new NpgsqlCommand(script, connection, transaction);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Applies the schema (<see cref="ApplySchemaAsync"/>) at the first stage of the silo's start, before membership, grain
    /// storage and reminders open their tables: the host is built without waiting on the database.
    /// </summary>
    public static ISiloBuilder AddPostgresSchemaMigration(this ISiloBuilder builder, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        builder.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(new SchemaMigration(connectionString));
        return builder;
    }

    /// <summary>Uses the PostgreSQL membership table for clustering.</summary>
    public static ISiloBuilder UsePostgresClustering(this ISiloBuilder builder, string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return builder.UseAdoNetClustering((AdoNetClusteringSiloOptions options) =>
        {
            options.Invariant = Invariant;
            options.ConnectionString = connectionString;
        });
    }

    /// <summary>Lets an external client find the gateways in the PostgreSQL membership table.</summary>
    public static IClientBuilder UsePostgresClustering(this IClientBuilder builder, string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return builder.UseAdoNetClustering((AdoNetClusteringClientOptions options) =>
        {
            options.Invariant = Invariant;
            options.ConnectionString = connectionString;
        });
    }

    /// <summary>Registers an ADO.NET grain storage on PostgreSQL for each provider name.</summary>
    public static ISiloBuilder AddPostgresGrainStorage(
        this ISiloBuilder builder, string connectionString, params string[] providerNames) =>
        AdoNetProviders.AddGrainStorages(builder, Invariant, connectionString, providerNames);

    /// <summary>Keeps reminders in the PostgreSQL reminder table.</summary>
    public static ISiloBuilder UsePostgresReminders(this ISiloBuilder builder, string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return builder.UseAdoNetReminderService((AdoNetReminderTableOptions options) =>
        {
            options.Invariant = Invariant;
            options.ConnectionString = connectionString;
        });
    }

    private sealed class SchemaMigration(string connectionString) : ILifecycleParticipant<ISiloLifecycle>
    {
        public void Participate(ISiloLifecycle lifecycle) => lifecycle.Subscribe(nameof(SchemaMigration), ServiceLifecycleStage.First,
            cancellationToken => ApplySchemaAsync(connectionString, cancellationToken));
    }
}
