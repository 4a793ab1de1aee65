using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace SoSucKhoe.Silo.Storage;

/// <summary>
/// Grain records in one SQLite file (table <c>GrainRecord</c>, deploy/sql/sqlite/records.sql), written by group commit.
/// </summary>
/// <remarks>
/// <para>Writes: callers queue compare-and-set operations; one writer thread takes everything queued (up to
/// <see cref="MaxBatch"/> operations or <see cref="MaxBatchBytes"/> of payload), applies it in ONE transaction and commits
/// it with <c>synchronous = FULL</c> (one fsync of the WAL for the whole batch), and only then completes each caller. While
/// a commit is being flushed, the next writes gather, so N concurrent writers cost about one fsync instead of N: the commit
/// rate of the disk becomes a batch rate, not a write rate. An OK still means "on disk": no task completes before the
/// commit that holds its write has returned.</para>
/// <para>Optimistic concurrency: each operation is a compare-and-set on <c>Version</c> (the ETag) executed inside the batch's
/// transaction in queue order, so two writes to one record in one batch see each other exactly as two separate commits
/// would. A version mismatch is not an error of the batch: that operation alone reports a conflict (null) and the others
/// commit.</para>
/// <para>Failures: when a batch fails (I/O error, full disk), it is rolled back and its operations are retried one
/// transaction each, so one bad operation fails alone; the writer connection is reopened after a failure.</para>
/// <para>Reads: a small pool of read connections (WAL readers never block the writer nor each other); a read sees
/// every write whose task has completed.</para>
/// <para>Checkpoints: <see cref="SqliteCheckpointer"/> copies the WAL into the database file from its own thread, so a commit
/// never stalls behind a checkpoint.</para>
/// </remarks>
internal sealed partial class SqliteGrainStore : IDisposable
{
    /// <summary>Most operations committed in one transaction.</summary>
    public const int MaxBatch = 512;

    /// <summary>Most payload bytes committed in one transaction (a batch always takes at least one operation).</summary>
    public const long MaxBatchBytes = 16L * 1024 * 1024;

    /// <summary>The meter of the store's counters (read them with <c>dotnet-counters monitor --counters SoSucKhoe.Storage</c>).</summary>
    public const string MeterName = "SoSucKhoe.Storage";

    private const int MaxIdleReaders = 8;

    /// <summary>A key no grain uses: what <see cref="ProbeAsync"/> reads and clears.</summary>
    private static readonly RecordKey ProbeKey = new("sosuckhoe-health", "probe", "probe");

    private static readonly Meter Meter = new(MeterName);
    private static readonly Counter<long> CommitCounter =
        Meter.CreateCounter<long>("sosuckhoe.storage.commits", description: "Grain state transactions committed (one fsync each).");
    private static readonly Counter<long> OperationCounter =
        Meter.CreateCounter<long>("sosuckhoe.storage.operations", description: "Grain state writes and clears committed.");
    private static readonly Histogram<double> CommitDuration =
        Meter.CreateHistogram<double>("sosuckhoe.storage.commit.duration", unit: "ms",
            description: "Time the writer thread spends on one transaction: its statements, the commit and the fsync.");
    private static readonly Histogram<int> BatchSize =
        Meter.CreateHistogram<int>("sosuckhoe.storage.batch.size", unit: "{operation}",
            description: "Operations committed in one transaction.");
    private static readonly Histogram<double> WriteWait =
        Meter.CreateHistogram<double>("sosuckhoe.storage.write.wait", unit: "ms",
            description: "Time a write waits from its queueing to its commit: the queue, the batch before it and its own.");

    private const string KeyFilter =
        "ServiceId = $service AND StateName = $state AND GrainId = $grain";

    private readonly string _connectionString;
    private readonly ILogger _logger;
    private readonly BlockingCollection<PendingOperation> _queue = new(new ConcurrentQueue<PendingOperation>());
    private readonly ConcurrentBag<ReadConnection> _readers = [];
    private readonly Thread _writerThread;
    private readonly SqliteCheckpointer _checkpointer;
    private WriteConnection? _writer;
    private long _commits;
    private long _operations;
    private int _disposed;
    private int _lastCommitFailed;

    /// <param name="connectionString">The connection string from <see cref="EmbeddedStorage.Prepare"/> (schema applied).</param>
    /// <param name="logger">Where batch failures are reported (never with a grain id: ids may carry personal data).</param>
    public SqliteGrainStore(string connectionString, ILogger logger)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        _connectionString = connectionString;
        _logger = logger;
        _checkpointer = new SqliteCheckpointer(connectionString, logger);
        _writerThread = new Thread(WriteLoop) { IsBackground = true, Name = "sqlite-group-commit" };
        _writerThread.Start();
    }

    /// <summary>Transactions committed so far (each is one fsync).</summary>
    public long Commits => Interlocked.Read(ref _commits);

    /// <summary>Write and clear operations committed so far.</summary>
    public long Operations => Interlocked.Read(ref _operations);

    /// <summary>WAL checkpoints run off the writer's thread so far.</summary>
    public long Checkpoints => _checkpointer.Checkpoints;

    /// <summary>True when the last commit failed and none has succeeded since.</summary>
    public bool LastCommitFailed => Volatile.Read(ref _lastCommitFailed) != 0;

    /// <summary>
    /// Whether the store can serve now: null when it can, else why not. It reads through a read connection; after a failed commit
    /// it also runs a write transaction through the writer (a clear of a record no grain has, which commits nothing but takes the
    /// write lock), so that a disk that came back is seen as back even when no grain writes.
    /// </summary>
    public async Task<string?> ProbeAsync()
    {
        if (Volatile.Read(ref _disposed) != 0)
        {
            return "the grain store is closed";
        }

        try
        {
            Read(ProbeKey);
            if (LastCommitFailed)
            {
                await ClearAsync(ProbeKey, expectedVersion: null).ConfigureAwait(false);
            }

            return LastCommitFailed ? "the last grain state commit failed" : null;
        }
        catch (Exception exception) when (exception is SqliteException or IOException or InvalidOperationException or ObjectDisposedException)
        {
            LogProbeFailed(_logger, exception);
            return $"the grain store cannot {(LastCommitFailed ? "commit" : "read")}";
        }
    }

    /// <summary>Reads one record; null when it was never written.</summary>
    public StoredRecord? Read(RecordKey key)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        var reader = _readers.TryTake(out var pooled) ? pooled : new ReadConnection(_connectionString);
        var healthy = false;
        try
        {
            var record = reader.Read(key);
            healthy = true;
            return record;
        }
        finally
        {
            if (healthy && _readers.Count < MaxIdleReaders && Volatile.Read(ref _disposed) == 0)
            {
                _readers.Add(reader);
            }
            else
            {
                reader.Dispose();
            }
        }
    }

    /// <summary>
    /// Stores <paramref name="payload"/> when the stored version equals <paramref name="expectedVersion"/> (null: no record
    /// may exist yet). Completes after the commit with the new version, or with null on a version conflict.
    /// </summary>
    public Task<long?> WriteAsync(RecordKey key, long? expectedVersion, byte[] payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        return Enqueue(new PendingOperation(key, expectedVersion, payload, Clear: false));
    }

    /// <summary>
    /// Clears the record (keeps its row with no payload and moves its version on) when its version equals
    /// <paramref name="expectedVersion"/>. A null version succeeds only when no record exists (nothing to clear; the
    /// result is then 0). Completes after the commit with the new version, or with null on a conflict.
    /// </summary>
    public Task<long?> ClearAsync(RecordKey key, long? expectedVersion) =>
        Enqueue(new PendingOperation(key, expectedVersion, Payload: null, Clear: true));

    /// <summary>Stops taking operations, commits what is queued, then closes every connection.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _queue.CompleteAdding();
        _writerThread.Join();
        _checkpointer.Dispose();
        _queue.Dispose();
        while (_readers.TryTake(out var reader))
        {
            reader.Dispose();
        }
    }

    private Task<long?> Enqueue(PendingOperation operation)
    {
        try
        {
            _queue.Add(operation);
        }
        catch (InvalidOperationException)
        {
            throw new ObjectDisposedException(nameof(SqliteGrainStore), "The grain store is shut down.");
        }

        return operation.Completion.Task;
    }

    private void WriteLoop()
    {
        var batch = new List<PendingOperation>(MaxBatch);
        foreach (var first in _queue.GetConsumingEnumerable())
        {
            batch.Add(first);
            var bytes = first.Size;
            while (batch.Count < MaxBatch && bytes < MaxBatchBytes && _queue.TryTake(out var next))
            {
                batch.Add(next);
                bytes += next.Size;
            }

            Commit(batch);
            batch.Clear();
        }

        _writer?.Dispose();
        _writer = null;
    }

    private void Commit(List<PendingOperation> batch)
    {
        long?[] results;
        var started = Stopwatch.GetTimestamp();
        try
        {
            results = Apply(batch);
        }
        catch (Exception exception) when (batch.Count > 1)
        {
            DropWriter();
            Volatile.Write(ref _lastCommitFailed, 1);
            LogBatchFailed(_logger, exception, batch.Count);
            foreach (var operation in batch)
            {
                CommitAlone(operation);
            }

            return;
        }
        catch (Exception exception)
        {
            DropWriter();
            Volatile.Write(ref _lastCommitFailed, 1);
            LogOperationFailed(_logger, exception);
            batch[0].Completion.TrySetException(exception);
            return;
        }

        var committed = Stopwatch.GetTimestamp();
        CommitDuration.Record(Stopwatch.GetElapsedTime(started, committed).TotalMilliseconds);
        BatchSize.Record(batch.Count);
        for (var i = 0; i < batch.Count; i++)
        {
            WriteWait.Record(Stopwatch.GetElapsedTime(batch[i].Queued, committed).TotalMilliseconds);
            batch[i].Completion.TrySetResult(results[i]);
        }
    }

    private void CommitAlone(PendingOperation operation)
    {
        try
        {
            operation.Completion.TrySetResult(Apply([operation])[0]);
        }
        catch (Exception exception)
        {
            DropWriter();
            Volatile.Write(ref _lastCommitFailed, 1);
            LogOperationFailed(_logger, exception);
            operation.Completion.TrySetException(exception);
        }
    }

    /// <summary>Applies the operations in one transaction; returns only once it is committed (fsync'd).</summary>
    private long?[] Apply(IReadOnlyList<PendingOperation> batch)
    {
        _writer ??= new WriteConnection(_connectionString);
        var now = DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
        var results = new long?[batch.Count];
        using (var transaction = _writer.Connection.BeginTransaction(deferred: false))
        {
            for (var i = 0; i < batch.Count; i++)
            {
                results[i] = _writer.Apply(transaction, batch[i], now);
            }

            transaction.Commit();
        }

        Interlocked.Increment(ref _commits);
        Interlocked.Add(ref _operations, batch.Count);
        Volatile.Write(ref _lastCommitFailed, 0);
        _checkpointer.Committed();
        CommitCounter.Add(1);
        OperationCounter.Add(batch.Count);
        return results;
    }

    private void DropWriter()
    {
        try
        {
            _writer?.Dispose();
        }
        catch (SqliteException)
        {
            // The connection is being thrown away because it failed; a second failure changes nothing.
        }

        _writer = null;
    }

    // Connections go back to Microsoft.Data.Sqlite's pool on dispose, with these settings: no per-use mode (such as
    // query_only) may be set here, or a later user of the pooled connection would inherit it. (The writer's larger
    // wal_autocheckpoint may be inherited harmlessly: it only delays a checkpoint the checkpointer's thread runs anyway.)
    internal static SqliteConnection Open(string connectionString)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
            using var setup = connection.CreateCommand();
            setup.CommandText = string.Create(
                CultureInfo.InvariantCulture,
                $"PRAGMA busy_timeout = {EmbeddedStorage.BusyTimeoutSeconds * 1000}; PRAGMA synchronous = FULL;");
            setup.ExecuteNonQuery();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private static SqliteCommand Prepare(SqliteConnection connection, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        return command;
    }

    private static void SetKey(SqliteCommand command, RecordKey key)
    {
        command.Parameters["$service"].Value = key.ServiceId;
        command.Parameters["$state"].Value = key.StateName;
        command.Parameters["$grain"].Value = key.GrainId;
    }

    [LoggerMessage(EventId = 3120, Level = LogLevel.Warning, Message = "The grain store's health probe failed")]
    private static partial void LogProbeFailed(ILogger logger, Exception exception);

    /// <summary>One queued write or clear and the caller waiting for its commit.</summary>
    private sealed record PendingOperation(RecordKey Key, long? ExpectedVersion, byte[]? Payload, bool Clear)
    {
        public TaskCompletionSource<long?> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public long Queued { get; } = Stopwatch.GetTimestamp();

        public long Size => (Payload?.Length ?? 0) + 128;
    }

    /// <summary>The writer's connection and its prepared compare-and-set statements.</summary>
    private sealed class WriteConnection : IDisposable
    {
        private readonly SqliteCommand _insert;
        private readonly SqliteCommand _update;
        private readonly SqliteCommand _clear;
        private readonly SqliteCommand _exists;

        public WriteConnection(string connectionString)
        {
            Connection = Open(connectionString);
            using (var backstop = Connection.CreateCommand())
            {
                // The checkpointer's thread does the checkpoints; the writer only steps in if the WAL grows this large.
                backstop.CommandText = string.Create(CultureInfo.InvariantCulture, $"PRAGMA wal_autocheckpoint = {SqliteCheckpointer.WriterBackstopPages};");
                backstop.ExecuteNonQuery();
            }

            string[] keyAndValues = ["$service", "$state", "$grain", "$payload", "$now"];
            // No ETag: only a first write may succeed; an existing row (even a cleared one) is a conflict.
            _insert = Prepare(Connection,
                "INSERT INTO GrainRecord (ServiceId, StateName, GrainId, Version, Payload, ModifiedOn) " +
                "VALUES ($service, $state, $grain, 1, $payload, $now) ON CONFLICT DO NOTHING;",
                keyAndValues);
            // ETag n: only the row at version n moves to n + 1.
            _update = Prepare(Connection,
                $"UPDATE GrainRecord SET Version = Version + 1, Payload = $payload, ModifiedOn = $now WHERE {KeyFilter} AND Version = $version;",
                [.. keyAndValues, "$version"]);
            _clear = Prepare(Connection,
                $"UPDATE GrainRecord SET Version = Version + 1, Payload = NULL, ModifiedOn = $now WHERE {KeyFilter} AND Version = $version;",
                "$service", "$state", "$grain", "$now", "$version");
            _exists = Prepare(Connection, $"SELECT 1 FROM GrainRecord WHERE {KeyFilter};", "$service", "$state", "$grain");
        }

        public SqliteConnection Connection { get; }

        /// <summary>Runs one compare-and-set; the new version, or null on a conflict.</summary>
        public long? Apply(SqliteTransaction transaction, PendingOperation operation, string now)
        {
            if (operation.Clear && operation.ExpectedVersion is null)
            {
                _exists.Transaction = transaction;
                SetKey(_exists, operation.Key);
                return _exists.ExecuteScalar() is null ? 0 : null;
            }

            var command = operation.Clear ? _clear : operation.ExpectedVersion is null ? _insert : _update;
            command.Transaction = transaction;
            SetKey(command, operation.Key);
            command.Parameters["$now"].Value = now;
            if (!operation.Clear)
            {
                command.Parameters["$payload"].Value = operation.Payload;
            }

            if (operation.ExpectedVersion is { } expected)
            {
                command.Parameters["$version"].Value = expected;
            }

            return command.ExecuteNonQuery() == 1 ? (operation.ExpectedVersion ?? 0) + 1 : null;
        }

        public void Dispose()
        {
            _insert.Dispose();
            _update.Dispose();
            _clear.Dispose();
            _exists.Dispose();
            Connection.Dispose();
        }
    }

    /// <summary>A pooled read-only connection and its prepared read.</summary>
    private sealed class ReadConnection : IDisposable
    {
        private readonly SqliteConnection _connection;
        private readonly SqliteCommand _read;

        public ReadConnection(string connectionString)
        {
            _connection = Open(connectionString);
            _read = Prepare(_connection, $"SELECT Payload, Version FROM GrainRecord WHERE {KeyFilter};", "$service", "$state", "$grain");
        }

        public StoredRecord? Read(RecordKey key)
        {
            SetKey(_read, key);
            using var reader = _read.ExecuteReader();
            if (!reader.Read())
            {
                return null;
            }

            var payload = reader.IsDBNull(0) ? null : (byte[])reader.GetValue(0);
            return new StoredRecord(payload, reader.GetInt64(1));
        }

        public void Dispose()
        {
            _read.Dispose();
            _connection.Dispose();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A grain state batch of {Count} operations failed; committing them one by one")]
    private static partial void LogBatchFailed(ILogger logger, Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "A grain state operation could not be committed")]
    private static partial void LogOperationFailed(ILogger logger, Exception exception);
}
