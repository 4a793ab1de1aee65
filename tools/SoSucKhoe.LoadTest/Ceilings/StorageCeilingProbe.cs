using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace SoSucKhoe.LoadTest.Ceilings;

/// <summary>
/// The storage commit rate on this disk: a plain SQLite loop of the hub's group-commit shape (WAL, synchronous = FULL, one
/// writer, upserts of 4 KiB records by key in <c>BEGIN IMMEDIATE … COMMIT</c>). The hub's own store is internal to the silo, so
/// this measures the same kind of transaction rather than that class.
/// </summary>
public static class StorageCeilingProbe
{
    public const int RecordBytes = 4096;

    /// <summary>Commits and rows per second with <paramref name="rowsPerCommit"/> rows per transaction, for about <paramref name="duration"/>.</summary>
    public static (double CommitsPerSecond, double RowsPerSecond) Measure(string directory, int rowsPerCommit, TimeSpan duration)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rowsPerCommit);
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, $"ceiling-{Environment.ProcessId}-{Guid.NewGuid():N}.db");
        try
        {
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
            connection.Open();
            Execute(connection, "PRAGMA journal_mode = WAL;");
            Execute(connection, "PRAGMA synchronous = FULL;");
            Execute(connection, "CREATE TABLE Record (Id TEXT PRIMARY KEY, Version INTEGER NOT NULL, Payload BLOB NOT NULL);");
            var payload = new byte[RecordBytes];
            Random.Shared.NextBytes(payload);
            using var upsert = connection.CreateCommand();
            upsert.CommandText = "INSERT INTO Record (Id, Version, Payload) VALUES ($id, 1, $payload) " +
                "ON CONFLICT (Id) DO UPDATE SET Version = Version + 1, Payload = excluded.Payload;";
            var id = upsert.Parameters.Add("$id", SqliteType.Text);
            upsert.Parameters.AddWithValue("$payload", payload);
            var commits = 0L;
            var rows = 0L;
            var watch = Stopwatch.StartNew();
            while (watch.Elapsed < duration)
            {
                Execute(connection, "BEGIN IMMEDIATE;");
                for (var i = 0; i < rowsPerCommit; i++)
                {
                    id.Value = "grain/" + (rows++ % 10_000);
                    upsert.ExecuteNonQuery();
                }

                Execute(connection, "COMMIT;");
                commits++;
            }

            var seconds = watch.Elapsed.TotalSeconds;
            return (Math.Round(commits / seconds, 1), Math.Round(rows / seconds, 1));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
            {
                File.Delete(path + suffix);
            }
        }
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
