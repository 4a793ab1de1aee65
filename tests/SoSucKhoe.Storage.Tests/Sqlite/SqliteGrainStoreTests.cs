using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using SoSucKhoe.Storage.Tests.Infrastructure;

namespace SoSucKhoe.Storage.Tests.Sqlite;

/// <summary>
/// The embedded profile's group-commit store, called directly: one transaction (one fsync) for many queued writes, an
/// acknowledgement only after the commit, and compare-and-set semantics per operation inside a batch.
/// </summary>
public sealed class SqliteGrainStoreTests
{
    private static RecordKey Key(string grain) => new("svc", "state", $"test/{grain}");

    private static byte[] Bytes(int value) => BitConverter.GetBytes(value);

    private static long Count(string connectionString, string sql)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }

    [Fact]
    public async Task Concurrent_writes_share_transactions_and_all_land()
    {
        using var folder = new TempFolder("store-group");
        var connectionString = EmbeddedStorage.Prepare(folder.Path);
        using var store = new SqliteGrainStore(connectionString, NullLogger.Instance);

        var writes = Enumerable.Range(0, 400).Select(i => store.WriteAsync(Key($"g{i}"), null, Bytes(i))).ToArray();
        var versions = await Task.WhenAll(writes);

        Assert.All(versions, v => Assert.Equal(1L, v));
        Assert.Equal(400L, store.Operations);
        Assert.True(store.Commits < store.Operations / 4, $"{store.Commits} commits for {store.Operations} writes: no group commit");
        Assert.Equal(400L, Count(connectionString, "SELECT count(*) FROM GrainRecord WHERE Version = 1 AND length(Payload) = 4;"));
    }

    [Fact]
    public async Task Each_commit_reports_its_duration_and_size_and_each_write_its_wait()
    {
        using var folder = new TempFolder("store-metrics");
        var connectionString = EmbeddedStorage.Prepare(folder.Path);
        using var store = new SqliteGrainStore(connectionString, NullLogger.Instance);
        var commits = new ConcurrentBag<double>();
        var sizes = new ConcurrentBag<int>();
        var waits = new ConcurrentBag<double>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == SqliteGrainStore.MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((instrument, value, _, _) =>
        {
            if (instrument.Name == "sosuckhoe.storage.commit.duration")
            {
                commits.Add(value);
            }
            else if (instrument.Name == "sosuckhoe.storage.write.wait")
            {
                waits.Add(value);
            }
        });
        listener.SetMeasurementEventCallback<int>((instrument, value, _, _) =>
        {
            if (instrument.Name == "sosuckhoe.storage.batch.size")
            {
                sizes.Add(value);
            }
        });
        listener.Start();

        await Task.WhenAll(Enumerable.Range(0, 300).Select(i => store.WriteAsync(Key($"m{i}"), null, Bytes(i))));
        listener.RecordObservableInstruments();

        // The meter is shared by every store in the process (other tests may commit meanwhile): at least this store's share.
        Assert.True(waits.Count >= 300, $"{waits.Count} write waits recorded for 300 writes");
        Assert.True(sizes.Sum() >= 300, $"batch sizes add up to {sizes.Sum()} for 300 writes");
        Assert.NotEmpty(commits);
        Assert.InRange(sizes.Count, 1, sizes.Sum());
        Assert.All(commits, d => Assert.True(d > 0, $"commit took {d} ms"));
        Assert.All(waits, d => Assert.True(d > 0, $"write waited {d} ms"));
        Assert.True(waits.Max() >= commits.Min(), "a write waits at least for the commit that holds it");
    }

    [Fact]
    public async Task The_wal_is_checkpointed_off_the_writer_so_it_is_reused_instead_of_growing()
    {
        using var folder = new TempFolder("store-checkpoint");
        var connectionString = EmbeddedStorage.Prepare(folder.Path);
        using var store = new SqliteGrainStore(connectionString, NullLogger.Instance);
        var payload = new byte[8 * 1024];
        const int Rounds = 6;
        const int PerRound = 512; // 4 MiB of payload per round, 24 MiB in all

        for (var round = 0; round < Rounds; round++)
        {
            var before = store.Checkpoints;
            await Task.WhenAll(Enumerable.Range(0, PerRound).Select(i => store.WriteAsync(Key($"r{round}-{i}"), null, payload)));
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (store.Checkpoints == before && DateTime.UtcNow < deadline)
            {
                await Task.Delay(20);
            }

            Assert.True(store.Checkpoints > before, "no checkpoint followed the round's commits");
        }

        // Without the checkpointer the writer's own checkpoint would wait for the 64 MiB backstop and the WAL would hold all
        // 24 MiB; checkpointed between rounds, the WAL restarts from its beginning and stays near one round's size.
        var walBytes = new FileInfo(Directory.GetFiles(folder.Path, "*-wal").Single()).Length;
        Assert.True(walBytes < 12L * 1024 * 1024, $"the WAL grew to {walBytes / 1024 / 1024} MiB");
        Assert.Equal((long)Rounds * PerRound, Count(connectionString, "SELECT count(*) FROM GrainRecord WHERE length(Payload) = 8192;"));
    }

    [Fact]
    public async Task A_conflict_fails_only_its_own_operation_in_a_batch()
    {
        using var folder = new TempFolder("store-conflict");
        using var store = new SqliteGrainStore(EmbeddedStorage.Prepare(folder.Path), NullLogger.Instance);

        var first = store.WriteAsync(Key("a"), null, Bytes(1));
        var duplicate = store.WriteAsync(Key("a"), null, Bytes(2));
        var invented = store.WriteAsync(Key("b"), 7, Bytes(3));
        var other = store.WriteAsync(Key("c"), null, Bytes(4));

        Assert.Equal(1L, await first);
        Assert.Null(await duplicate);
        Assert.Null(await invented);
        Assert.Equal(1L, await other);
        Assert.Equal(Bytes(1), store.Read(Key("a"))!.Payload);
        Assert.Null(store.Read(Key("b")));
    }

    [Fact]
    public async Task Writes_to_one_record_in_one_batch_chain_their_versions()
    {
        using var folder = new TempFolder("store-chain");
        using var store = new SqliteGrainStore(EmbeddedStorage.Prepare(folder.Path), NullLogger.Instance);

        var results = await Task.WhenAll(
            store.WriteAsync(Key("x"), null, Bytes(1)),
            store.WriteAsync(Key("x"), 1, Bytes(2)),
            store.WriteAsync(Key("x"), 2, Bytes(3)),
            store.WriteAsync(Key("x"), 2, Bytes(99)));

        Assert.Equal(new long?[] { 1, 2, 3, null }, results);
        var stored = store.Read(Key("x"))!;
        Assert.Equal(3L, stored.Version);
        Assert.Equal(Bytes(3), stored.Payload);
    }

    [Fact]
    public async Task Clear_keeps_the_version_sequence_and_a_clear_without_version_needs_no_record()
    {
        using var folder = new TempFolder("store-clear");
        using var store = new SqliteGrainStore(EmbeddedStorage.Prepare(folder.Path), NullLogger.Instance);
        await store.WriteAsync(Key("k"), null, Bytes(1));

        Assert.Null(await store.ClearAsync(Key("k"), null));
        Assert.Null(await store.ClearAsync(Key("k"), 5));
        Assert.Equal(2L, await store.ClearAsync(Key("k"), 1));
        Assert.Equal(new StoredRecord(null, 2), store.Read(Key("k")));
        Assert.Null(await store.WriteAsync(Key("k"), null, Bytes(2)));
        Assert.Equal(3L, await store.WriteAsync(Key("k"), 2, Bytes(2)));
        Assert.Equal(0L, await store.ClearAsync(Key("never-written"), null));
    }

    [Fact]
    public async Task A_write_is_acknowledged_only_after_its_commit()
    {
        using var folder = new TempFolder("store-ack");
        var connectionString = EmbeddedStorage.Prepare(folder.Path);
        using var store = new SqliteGrainStore(connectionString, NullLogger.Instance);

        // Another connection holds SQLite's write lock: the store cannot commit, so it must not acknowledge.
        using var blocker = new SqliteConnection(connectionString);
        blocker.Open();
        using var transaction = blocker.BeginTransaction(deferred: false);
        var write = store.WriteAsync(Key("held"), null, Bytes(1));

        var early = await Task.WhenAny(write, Task.Delay(TimeSpan.FromMilliseconds(500)));
        Assert.NotSame(write, early);
        Assert.Equal(0L, Count(connectionString, "SELECT count(*) FROM GrainRecord;"));

        transaction.Rollback();
        Assert.Equal(1L, await write.WaitAsync(TimeSpan.FromSeconds(20)));
        Assert.Equal(1L, Count(connectionString, "SELECT count(*) FROM GrainRecord;"));
    }

    [Fact]
    public async Task Every_acknowledged_write_is_in_the_file_after_the_store_is_abandoned()
    {
        using var folder = new TempFolder("store-abandon");
        var connectionString = EmbeddedStorage.Prepare(folder.Path);
        var store = new SqliteGrainStore(connectionString, NullLogger.Instance);
        var writes = Enumerable.Range(0, 300).Select(i => store.WriteAsync(Key($"w{i}"), null, Bytes(i))).ToList();

        // Abandon the store (no Dispose, no checkpoint) as soon as some writes are acknowledged; the WAL holds them.
        await Task.WhenAny(writes);
        var acknowledged = writes.Select((task, i) => (task, i)).Where(w => w.task.IsCompletedSuccessfully).Select(w => w.i).ToList();
        var copy = Path.Combine(folder.Path, "copy");
        Directory.CreateDirectory(copy);
        foreach (var file in Directory.GetFiles(folder.Path, EmbeddedStorage.DatabaseFileName + "*"))
        {
            File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        }

        var reopened = EmbeddedStorage.Prepare(copy);
        Assert.NotEmpty(acknowledged);
        foreach (var i in acknowledged)
        {
            Assert.Equal(1L, Count(reopened, $"SELECT count(*) FROM GrainRecord WHERE GrainId = 'test/w{i}';"));
        }

        await Task.WhenAll(writes);
        store.Dispose();
    }

    [Fact]
    public async Task Dispose_commits_what_is_queued_and_then_refuses_writes()
    {
        using var folder = new TempFolder("store-dispose");
        var connectionString = EmbeddedStorage.Prepare(folder.Path);
        var store = new SqliteGrainStore(connectionString, NullLogger.Instance);
        var writes = Enumerable.Range(0, 200).Select(i => store.WriteAsync(Key($"d{i}"), null, Bytes(i))).ToArray();

        store.Dispose();

        Assert.All(writes, w => Assert.True(w.IsCompletedSuccessfully));
        Assert.Equal(200L, Count(connectionString, "SELECT count(*) FROM GrainRecord;"));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.WriteAsync(Key("late"), null, Bytes(0)));
    }

    [Fact]
    public async Task The_health_probe_reports_a_store_that_cannot_commit_until_a_commit_succeeds_again()
    {
        using var folder = new TempFolder("store-probe");
        var connectionString = EmbeddedStorage.Prepare(folder.Path);
        var store = new SqliteGrainStore(connectionString, NullLogger.Instance);
        await store.WriteAsync(Key("before"), null, Bytes(1));
        Assert.Null(await store.ProbeAsync());

        // Committing fails while the table is away (as on a broken disk); reading fails too.
        Execute(connectionString, "ALTER TABLE GrainRecord RENAME TO GrainRecordAway;");
        await Assert.ThrowsAnyAsync<Exception>(() => store.WriteAsync(Key("during"), null, Bytes(2)));
        Assert.True(store.LastCommitFailed);
        Assert.Equal("the grain store cannot commit", await store.ProbeAsync());

        // Back: the probe's own write transaction succeeds, so the store is ready again although no grain wrote.
        Execute(connectionString, "ALTER TABLE GrainRecordAway RENAME TO GrainRecord;");
        Assert.Null(await store.ProbeAsync());
        Assert.False(store.LastCommitFailed);

        store.Dispose();
        Assert.Equal("the grain store is closed", await store.ProbeAsync());
    }

    private static void Execute(string connectionString, string sql)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
