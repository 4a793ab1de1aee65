using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace SoSucKhoe.Silo.Storage;

/// <summary>
/// The embedded storage profile: one node, grain state in one SQLite file through the Orleans ADO.NET provider
/// (which supports SQLite for grain persistence only; clustering and reminders stay in memory/development mode).
/// </summary>
/// <remarks>
/// Durability: the file runs in WAL mode and every provider connection commits with <c>synchronous = FULL</c>:
/// each committed write, hence each OK returned to a HIS, is fsynced to the WAL before the call returns and
/// survives a process kill and a power loss. <c>NORMAL</c> survives a process crash but may lose the last
/// commits on power loss or an OS crash; it is 2-3 times faster on the same disk (see the commit-rate
/// benchmark in the storage tests), but FULL already gives hundreds of durable writes per second, far above
/// one province's traffic.
/// Concurrency: SQLite has one write lock; the provider's operations take turns through an in-process gate
/// (see <see cref="DurableSqliteDataSource"/>), and wait up to <see cref="BusyTimeoutSeconds"/> for the file.
/// </remarks>
public static class EmbeddedStorage
{
    /// <summary>The ADO.NET invariant Orleans maps to Microsoft.Data.Sqlite (AdoNetInvariants.InvariantNameSqlLite).</summary>
    public const string Invariant = "System.Data.SQLite";

    /// <summary>The database file created in the data directory.</summary>
    public const string DatabaseFileName = "sosuckhoe.db";

    /// <summary>How long a command waits for a concurrent writer before it fails.</summary>
    public const int BusyTimeoutSeconds = 30;

    // One data source (hence one gate) per database file in this process.
    private static readonly ConcurrentDictionary<string, DurableSqliteDataSource> DataSources = new(StringComparer.Ordinal);

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

        // synchronous is per connection: the provider's connections get it from DurableSqliteDataSource.
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
    /// Registers an ADO.NET grain storage on the SQLite file for each provider name. Every provider on the same
    /// file, in this call or another, shares one <see cref="DurableSqliteDataSource"/> (FULL commits, one
    /// operation at a time).
    /// </summary>
    public static ISiloBuilder AddEmbeddedGrainStorage(
        this ISiloBuilder builder, string connectionString, params string[] providerNames) =>
        AdoNetProviders.AddGrainStorages(
            builder, Invariant, connectionString, providerNames,
            DataSources.GetOrAdd(connectionString, static cs => new DurableSqliteDataSource(cs)));

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
