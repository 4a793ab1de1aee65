using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using SoSucKhoe.Api.Security.Audit;
using SoSucKhoe.Silo.Storage;

namespace SoSucKhoe.Silo.Security.Audit;

/// <summary>
/// The audit trail of the embedded profile: table <c>AuditEntry</c> in the same SQLite file as the grain state (schema
/// deploy/sql/sqlite/audit.sql, applied by <see cref="EmbeddedStorage.Prepare"/>). Appends are group-committed by one writer
/// connection with <c>synchronous = FULL</c>: an append returns once its transaction is in the WAL on disk. Queries read on
/// their own connections, concurrently with the writer (WAL).
/// </summary>
/// <remarks>
/// The table refuses UPDATE and DELETE through triggers (and INSERT OR REPLACE over an existing id), so entries cannot be
/// changed through SQL either; only someone who can replace the file itself (or drop the table) can tamper with it.
/// </remarks>
public sealed class SqliteAuditTrail : IAuditTrail, IAsyncDisposable
{
    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";

    private static readonly string ConnectionSetup = string.Create(
        CultureInfo.InvariantCulture,
        $"PRAGMA busy_timeout = {EmbeddedStorage.BusyTimeoutSeconds * 1000}; PRAGMA synchronous = FULL;");

    private readonly string _connectionString;
    private readonly AuditSubjectProtector _protector;
    private readonly TimeProvider _time;
    private readonly AuditGroupCommit _commits;
    private SqliteConnection? _writer;

    /// <param name="connectionString">The database, e.g. as returned by <see cref="EmbeddedStorage.Prepare"/>.</param>
    /// <param name="protector">Masks and hashes subjects.</param>
    /// <param name="timeProvider">The clock for entries without a time (default: the system clock).</param>
    /// <param name="logger">Reports failed writes (counts only, never entry contents).</param>
    public SqliteAuditTrail(
        string connectionString, AuditSubjectProtector protector, TimeProvider? timeProvider = null, ILogger<SqliteAuditTrail>? logger = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ArgumentNullException.ThrowIfNull(protector);
        _connectionString = connectionString;
        _protector = protector;
        _time = timeProvider ?? TimeProvider.System;
        _commits = new AuditGroupCommit(WriteBatchAsync, DropWriter, logger ?? (ILogger)NullLogger.Instance);
    }

    /// <inheritdoc />
    public Task<long> AppendAsync(AuditRecord entry, CancellationToken cancellationToken = default) =>
        _commits.AppendAsync(AuditRules.ToRow(entry, _protector, _time.GetUtcNow()), cancellationToken);

    /// <inheritdoc />
    public async Task<AuditPage> QueryAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        AuditRules.Check(query);
        await using var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        Configure(connection);
        await using var command = connection.CreateCommand();
        AuditSql.BuildQuery(command, query, _protector, ToDb);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await AuditSql.ReadPageAsync(reader, query.Limit, FromDb, cancellationToken);
    }

    /// <summary>Writes what is queued, then closes the writer connection.</summary>
    public async ValueTask DisposeAsync()
    {
        await _commits.DisposeAsync();
        DropWriter();
    }

    /// <summary>The stored text of a time: UTC, fixed width, so that text order is time order.</summary>
    internal static string ToDbText(DateTimeOffset value) =>
        value.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture);

    private static object ToDb(DateTimeOffset value) => ToDbText(value);

    private static DateTimeOffset FromDb(DbDataReader reader, int ordinal) =>
        DateTimeOffset.ParseExact(
            reader.GetString(ordinal), TimeFormat, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    private static void Configure(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = ConnectionSetup;
        command.ExecuteNonQuery();
    }

    // Runs on the group-commit writer only, one batch at a time.
    private Task<long[]> WriteBatchAsync(IReadOnlyList<AuditRow> rows, CancellationToken cancellationToken)
    {
        if (_writer is null)
        {
            var connection = new SqliteConnection(_connectionString);
            try
            {
                connection.Open();
                Configure(connection);
            }
            catch
            {
                connection.Dispose();
                throw;
            }

            _writer = connection;
        }

        var ids = new long[rows.Count];
        using (var transaction = _writer.BeginTransaction(deferred: false))
        using (var command = _writer.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = AuditSql.Insert;
            var parameters = AuditSql.InsertParameters.Select(name => command.Parameters.Add(new SqliteParameter { ParameterName = name })).ToArray();
            for (var i = 0; i < rows.Count; i++)
            {
                var values = AuditSql.InsertValues(rows[i], ToDb);
                for (var p = 0; p < parameters.Length; p++)
                {
                    parameters[p].Value = values[p];
                }

                ids[i] = (long)command.ExecuteScalar()!;
            }

            transaction.Commit();
        }

        return Task.FromResult(ids);
    }

    private void DropWriter()
    {
        _writer?.Dispose();
        _writer = null;
    }
}
