using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Runtime.Hosting;
using Orleans.Serialization;

namespace SoSucKhoe.Silo.Storage;

/// <summary>
/// The embedded storage profile: one node, grain state in one SQLite file through our own group-commit grain storage
/// (<see cref="GroupCommitGrainStorage"/>; clustering and reminders stay in memory/development mode).
/// </summary>
/// <remarks>
/// Durability: the file runs in WAL mode and every write transaction commits with <c>synchronous = FULL</c>: each
/// committed write, hence each OK returned to a HIS, is fsynced to the WAL before the call returns and survives a process
/// kill and a power loss. <c>NORMAL</c> would survive a process crash but may lose the last commits on power loss.
/// Throughput: SQLite has one write lock and a FULL commit costs one fsync (a few hundred per second on this class of
/// disk). Writing each grain state in its own transaction (as the Orleans ADO.NET provider does) caps the hub at that many
/// writes per second (docs/benchmarks.md); the group commit of
/// <see cref="SqliteGrainStore"/> puts every write queued during one fsync into the next transaction.
/// </remarks>
public static class EmbeddedStorage
{
    /// <summary>The database file created in the data directory.</summary>
    public const string DatabaseFileName = "sosuckhoe.db";

    /// <summary>How long a command waits for a concurrent writer before it fails.</summary>
    public const int BusyTimeoutSeconds = 30;

    /// <summary>
    /// Creates <paramref name="dataDirectory"/> and the database file if needed, switches the file to WAL,
    /// applies the SQLite schema scripts (idempotent) and returns the connection string for
    /// <see cref="AddEmbeddedGrainStorage"/>. Run it at every start, before the silo starts.
    /// </summary>
    public static string Prepare(string dataDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDirectory);
        var folder = Path.GetFullPath(dataDirectory);
        Directory.CreateDirectory(folder);

        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(folder, DatabaseFileName),
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = BusyTimeoutSeconds,
        }.ToString();

        using var connection = new SqliteConnection(connectionString);
        connection.Open();

        // WAL is a property of the file: set once, every later connection uses it.
        var journalMode = Scalar(connection, "PRAGMA journal_mode = WAL;");
        if (!string.Equals(journalMode as string, "wal", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"SQLite refused WAL mode for '{folder}' (journal_mode = {journalMode}).");
        }

        // synchronous is per connection: the store's writer connection sets FULL itself (SqliteGrainStore).
        Scalar(connection, "PRAGMA synchronous = FULL;");

        using var transaction = connection.BeginTransaction();
        foreach (var script in SchemaScripts.Read(SchemaScripts.Sqlite))
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = script;
            command.ExecuteNonQuery();
        }

        transaction.Commit();
        return connectionString;
    }

    /// <summary>
    /// Registers the group-commit grain storage (<see cref="GroupCommitGrainStorage"/>) on the SQLite file for each provider
    /// name. Every provider on the same file in this silo shares one <see cref="SqliteGrainStore"/>: one writer thread
    /// that commits all queued writes in one FULL-synchronous transaction, and one pool of read connections.
    /// </summary>
    public static ISiloBuilder AddEmbeddedGrainStorage(
        this ISiloBuilder builder, string connectionString, params string[] providerNames)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ArgumentNullException.ThrowIfNull(providerNames);
        if (providerNames.Length == 0)
        {
            throw new ArgumentException("Name at least one grain storage provider.", nameof(providerNames));
        }

        builder.Services.TryAddKeyedSingleton(connectionString, static (services, key) =>
            new SqliteGrainStore((string)key!, services.GetRequiredService<ILoggerFactory>().CreateLogger<SqliteGrainStore>()));
        foreach (var name in providerNames)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(name, nameof(providerNames));
            // Orleans' own binary serializer, as for the ADO.NET provider: compact, versioned by [Id], no runtime type names.
            builder.Services.AddGrainStorage(name, (services, providerName) => new GroupCommitGrainStorage(
                providerName,
                services.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId,
                services.GetRequiredKeyedService<SqliteGrainStore>(connectionString),
                services.GetRequiredService<Serializer>()));
        }

        return builder;
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
