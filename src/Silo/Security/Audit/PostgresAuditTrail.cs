using System.Data.Common;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using SoSucKhoe.Api.Security.Audit;
using SoSucKhoe.Silo.Storage;

namespace SoSucKhoe.Silo.Security.Audit;

/// <summary>
/// The audit trail of the cluster profile: table <c>AuditEntry</c> in PostgreSQL (schema deploy/sql/postgresql/audit.sql,
/// applied by <see cref="PostgresStorage.ApplySchemaAsync"/>). Appends are group-committed per silo; an append returns once
/// its transaction is committed (with PostgreSQL's default <c>synchronous_commit = on</c>, flushed to the WAL).
/// </summary>
/// <remarks>
/// Every batch takes a transaction-scoped advisory lock before it draws ids, so batches of all silos commit one after another
/// and ids grow in commit order: a reader paging oldest first by <see cref="AuditQuery.AfterId"/> never skips an entry that
/// commits late with a smaller id. A trigger refuses UPDATE, DELETE and TRUNCATE on the table.
/// </remarks>
public sealed class PostgresAuditTrail : IAuditTrail, IAsyncDisposable
{
    /// <summary>The advisory lock key that orders appends ("SSK audit" in ASCII).</summary>
    internal const long AppendLockKey = 0x5353_4B20_4175_6474;

    private readonly NpgsqlDataSource _dataSource;
    private readonly bool _ownsDataSource;
    private readonly AuditSubjectProtector _protector;
    private readonly TimeProvider _time;
    private readonly AuditGroupCommit _commits;

    /// <param name="connectionString">The database holding the schema of deploy/sql/postgresql.</param>
    /// <param name="protector">Masks and hashes subjects.</param>
    /// <param name="timeProvider">The clock for entries without a time (default: the system clock).</param>
    /// <param name="logger">Reports failed writes (counts only, never entry contents).</param>
    public PostgresAuditTrail(
        string connectionString, AuditSubjectProtector protector, TimeProvider? timeProvider = null, ILogger<PostgresAuditTrail>? logger = null)
        : this(NpgsqlDataSource.Create(Required(connectionString)), ownsDataSource: true, protector, timeProvider, logger)
    {
    }

    /// <param name="dataSource">A data source the caller owns and disposes.</param>
    /// <param name="protector">Masks and hashes subjects.</param>
    /// <param name="timeProvider">The clock for entries without a time (default: the system clock).</param>
    /// <param name="logger">Reports failed writes (counts only, never entry contents).</param>
    public PostgresAuditTrail(
        NpgsqlDataSource dataSource, AuditSubjectProtector protector, TimeProvider? timeProvider = null, ILogger<PostgresAuditTrail>? logger = null)
        : this(dataSource, ownsDataSource: false, protector, timeProvider, logger)
    {
    }

    private PostgresAuditTrail(
        NpgsqlDataSource dataSource, bool ownsDataSource, AuditSubjectProtector protector, TimeProvider? timeProvider, ILogger? logger)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(protector);
        _dataSource = dataSource;
        _ownsDataSource = ownsDataSource;
        _protector = protector;
        _time = timeProvider ?? TimeProvider.System;
        _commits = new AuditGroupCommit(WriteBatchAsync, static () => { }, logger ?? NullLogger.Instance);
    }

    /// <inheritdoc />
    public Task<long> AppendAsync(AuditRecord entry, CancellationToken cancellationToken = default) =>
        _commits.AppendAsync(AuditRules.ToRow(entry, _protector, _time.GetUtcNow()), cancellationToken);

    /// <inheritdoc />
    public async Task<AuditPage> QueryAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        AuditRules.Check(query);
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        AuditSql.BuildQuery(command, query, _protector, ToDb);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await AuditSql.ReadPageAsync(reader, query.Limit, FromDb, cancellationToken);
    }

    /// <summary>Writes what is queued, then releases the data source if this trail created it.</summary>
    public async ValueTask DisposeAsync()
    {
        await _commits.DisposeAsync();
        if (_ownsDataSource)
        {
            await _dataSource.DisposeAsync();
        }
    }

    private static string Required(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return connectionString;
    }

    private static object ToDb(DateTimeOffset value) => value.ToUniversalTime();

    private static DateTimeOffset FromDb(DbDataReader reader, int ordinal) => reader.GetFieldValue<DateTimeOffset>(ordinal);

    // Runs on the group-commit writer only, one batch at a time.
    private async Task<long[]> WriteBatchAsync(IReadOnlyList<AuditRow> rows, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@Key)", connection, transaction))
        {
            lockCommand.Parameters.AddWithValue("Key", AppendLockKey);
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }

        var ids = new long[rows.Count];
        await using (var batch = new NpgsqlBatch(connection, transaction))
        {
            foreach (var row in rows)
            {
                var command = new NpgsqlBatchCommand(AuditSql.Insert);
                var values = AuditSql.InsertValues(row, ToDb);
                for (var p = 0; p < values.Length; p++)
                {
                    command.Parameters.Add(new NpgsqlParameter(AuditSql.InsertParameters[p], values[p]));
                }

                batch.BatchCommands.Add(command);
            }

            await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
            for (var i = 0; i < rows.Count; i++)
            {
                if (i > 0 && !await reader.NextResultAsync(cancellationToken))
                {
                    throw new InvalidOperationException("PostgreSQL returned fewer results than audit rows inserted.");
                }

                if (!await reader.ReadAsync(cancellationToken))
                {
                    throw new InvalidOperationException("PostgreSQL returned no id for an inserted audit row.");
                }

                ids[i] = reader.GetInt64(0);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return ids;
    }
}
