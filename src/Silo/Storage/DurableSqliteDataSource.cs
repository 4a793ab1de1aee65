using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace SoSucKhoe.Silo.Storage;

/// <summary>
/// Opens the embedded profile's SQLite connections for the Orleans provider:
/// <list type="bullet">
/// <item>with the per-connection settings a connection string cannot carry: <c>synchronous = FULL</c> (a commit is
/// on disk before the call returns) and a busy timeout (another process holding the file makes a writer wait,
/// not fail with SQLITE_BUSY);</item>
/// <item>one at a time: SQLite has a single write lock, and concurrent writers that find it taken back off and
/// sleep (in the driver's retry loop or SQLite's busy handler), which wastes most of the disk's commit rate. A
/// FIFO gate held from open to close hands the file to the next operation as soon as the previous one ends.</item>
/// </list>
/// </summary>
/// <param name="connectionString">The connection string from <see cref="EmbeddedStorage.Prepare"/>.</param>
/// <param name="serialize">Gate the connections (the default); false only to measure the difference.</param>
internal sealed class DurableSqliteDataSource(string connectionString, bool serialize = true) : DbDataSource
{
    private static readonly string ConnectionSetup = string.Create(
        CultureInfo.InvariantCulture,
        $"PRAGMA busy_timeout = {EmbeddedStorage.BusyTimeoutSeconds * 1000}; PRAGMA synchronous = FULL;");

    private static readonly TimeSpan GateTimeout = TimeSpan.FromSeconds(EmbeddedStorage.BusyTimeoutSeconds);

    private readonly SemaphoreSlim _gate = new(1, 1);

    public override string ConnectionString => connectionString;

    /// <summary>An unopened, ungated connection (the provider only uses it to check the connection type).</summary>
    protected override DbConnection CreateDbConnection() => new SqliteConnection(connectionString);

    protected override DbConnection OpenDbConnection()
    {
        if (serialize && !_gate.Wait(GateTimeout))
        {
            throw GateTimedOut();
        }

        var connection = serialize ? new GatedSqliteConnection(connectionString, _gate) : new SqliteConnection(connectionString);
        try
        {
            connection.Open();
            Configure(connection);
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    protected override async ValueTask<DbConnection> OpenDbConnectionAsync(CancellationToken cancellationToken = default)
    {
        if (serialize && !await _gate.WaitAsync(GateTimeout, cancellationToken))
        {
            throw GateTimedOut();
        }

        var connection = serialize ? new GatedSqliteConnection(connectionString, _gate) : new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            Configure(connection);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _gate.Dispose();
        }

        base.Dispose(disposing);
    }

    private static TimeoutException GateTimedOut() =>
        new($"No SQLite connection became free within {GateTimeout.TotalSeconds:F0} s.");

    private static void Configure(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = ConnectionSetup;
        command.ExecuteNonQuery();
    }
}
