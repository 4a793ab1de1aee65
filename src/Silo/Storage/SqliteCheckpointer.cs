using System.Diagnostics.Metrics;
using Microsoft.Data.Sqlite;

namespace SoSucKhoe.Silo.Storage;

/// <summary>
/// Moves the WAL's committed pages into the database file from its own thread and connection, so that the group-commit writer
/// never does it. By default SQLite checkpoints on the committing connection whenever the WAL passes 1,000 pages (~4 MB): that
/// commit then also copies the pages and fsyncs the database file, and every caller in its batch, and every write queued
/// behind it, waits tens of milliseconds. At a hundred dossiers a second that happened about once a second.
/// </summary>
/// <remarks>
/// A PASSIVE checkpoint copies only frames already committed and never blocks the writer or the readers, so durability and
/// visibility do not depend on it: a commit is durable once its WAL frames are fsync'd. The writer keeps an automatic
/// checkpoint only as a backstop, at <see cref="WriterBackstopPages"/>, should this thread fall behind or fail.
/// </remarks>
internal sealed partial class SqliteCheckpointer : IDisposable
{
    /// <summary>WAL pages at which the writer checkpoints by itself (~64 MB with 4 KB pages); normally never reached.</summary>
    public const int WriterBackstopPages = 16_384;

    /// <summary>Least time between two checkpoints: a busy writer gets one checkpoint per interval, an idle one none.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    private static readonly Meter Meter = new(SqliteGrainStore.MeterName);
    private static readonly Counter<long> CheckpointCounter =
        Meter.CreateCounter<long>("sosuckhoe.storage.checkpoints", description: "WAL checkpoints run off the writer's thread.");

    private readonly string _connectionString;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _committed = new(0, 1);
    private readonly CancellationTokenSource _stopping = new();
    private readonly Thread _thread;
    private long _checkpoints;
    private int _disposed;

    public SqliteCheckpointer(string connectionString, ILogger logger)
    {
        _connectionString = connectionString;
        _logger = logger;
        _thread = new Thread(Loop) { IsBackground = true, Name = "sqlite-checkpoint" };
        _thread.Start();
    }

    /// <summary>Checkpoints run so far.</summary>
    public long Checkpoints => Interlocked.Read(ref _checkpoints);

    /// <summary>Tells the checkpointer that the writer committed; cheap, and never blocks.</summary>
    public void Committed()
    {
        if (_committed.CurrentCount == 0)
        {
            try
            {
                _committed.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another commit signalled first: one checkpoint covers both.
            }
            catch (ObjectDisposedException)
            {
                // Shutting down.
            }
        }
    }

    /// <summary>Runs one last checkpoint of what was committed, then stops the thread.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _stopping.Cancel();
        _thread.Join();
        _stopping.Dispose();
        _committed.Dispose();
    }

    private void Loop()
    {
        SqliteConnection? connection = null;
        var token = _stopping.Token;
        try
        {
            while (!token.IsCancellationRequested)
            {
                try
                {
                    _committed.Wait(token);
                }
                catch (OperationCanceledException)
                {
                    break;
                }

                connection = Checkpoint(connection);
                // Spacing: commits during the interval gather into the next checkpoint.
                token.WaitHandle.WaitOne(Interval);
            }

            connection = Checkpoint(connection);
        }
        finally
        {
            connection?.Dispose();
        }
    }

    private SqliteConnection? Checkpoint(SqliteConnection? connection)
    {
        try
        {
            connection ??= SqliteGrainStore.Open(_connectionString);
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
            command.ExecuteNonQuery();
            Interlocked.Increment(ref _checkpoints);
            CheckpointCounter.Add(1);
            return connection;
        }
        catch (SqliteException exception)
        {
            // The writer's backstop checkpoint still bounds the WAL; the next commit's signal retries on a new connection.
            LogCheckpointFailed(_logger, exception);
            connection?.Dispose();
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A WAL checkpoint failed; it is retried after the next commit")]
    private static partial void LogCheckpointFailed(ILogger logger, Exception exception);
}
