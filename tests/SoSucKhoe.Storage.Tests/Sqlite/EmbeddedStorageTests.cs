using Microsoft.Data.Sqlite;
using SoSucKhoe.Storage.Tests.Grains;
using SoSucKhoe.Storage.Tests.Infrastructure;

namespace SoSucKhoe.Storage.Tests.Sqlite;

public sealed class EmbeddedStorageTests
{
    private static object? Scalar(string connectionString, string sql)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    [Fact]
    public void Prepare_creates_the_database_file_in_WAL_mode_with_the_provider_queries()
    {
        using var folder = new TempFolder("prepare");
        var dataDirectory = Path.Combine(folder.Path, "data", "nested");

        var connectionString = EmbeddedStorage.Prepare(dataDirectory);

        Assert.True(File.Exists(Path.Combine(dataDirectory, EmbeddedStorage.DatabaseFileName)));
        Assert.Equal("wal", Scalar(connectionString, "PRAGMA journal_mode;"));
        Assert.Equal(
            "ClearStorageKey,ReadFromStorageKey,WriteToStorageKey",
            Scalar(connectionString, "SELECT group_concat(QueryKey, ',') FROM (SELECT QueryKey FROM OrleansQuery ORDER BY QueryKey);"));
    }

    [Fact]
    public void Prepare_can_run_at_every_start_without_losing_data()
    {
        using var folder = new TempFolder("prepare-again");
        var connectionString = EmbeddedStorage.Prepare(folder.Path);
        Scalar(connectionString,
            "INSERT INTO GrainState (ServiceId, GrainTypeString, GrainIdN0, GrainIdN1, GrainIdExtensionString, Version, PayloadBinary, ModifiedOn) " +
            "VALUES ('s', 't', 0, 0, 'k', 1, x'01', 'now');");

        var again = EmbeddedStorage.Prepare(folder.Path);

        Assert.Equal(connectionString, again);
        Assert.Equal(1L, Scalar(again, "SELECT count(*) FROM GrainState;"));
        Assert.Equal(3L, Scalar(again, "SELECT count(*) FROM OrleansQuery;"));
    }

    [Fact]
    public async Task State_survives_a_restart_of_the_whole_cluster_on_the_same_file()
    {
        using var folder = new TempFolder("restart");
        var serviceId = StorageClusters.NewServiceId();

        async Task<TestCluster> StartAsync() => await StorageClusters.StartAsync(
            serviceId,
            new Dictionary<string, string> { [ConfigurationKeys.SqliteConnection] = EmbeddedStorage.Prepare(folder.Path) },
            builder => builder.AddSiloBuilderConfigurator<EmbeddedStorageConfigurator>());

        await using (var before = await StartAsync())
        {
            await before.GrainFactory.GetGrain<IRecordKeeperGrain>("survivor").Save("kept across restarts", [7, 0, 7]);
        }

        await using var after = await StartAsync();
        var view = await after.GrainFactory.GetGrain<IRecordKeeperGrain>("survivor").View();

        Assert.Equal("kept across restarts", view.Text);
        Assert.Equal(new byte[] { 7, 0, 7 }, view.Blob);
        Assert.Equal("1", view.ETag);
    }

    [Fact]
    public async Task Provider_connections_commit_with_full_synchronous_and_wait_for_the_write_lock()
    {
        using var folder = new TempFolder("data-source");
        using var dataSource = new DurableSqliteDataSource(EmbeddedStorage.Prepare(folder.Path));

        await using var connection = await dataSource.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT (SELECT synchronous FROM pragma_synchronous), (SELECT timeout FROM pragma_busy_timeout);";
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());

        Assert.Equal(2L, reader.GetInt64(0));
        Assert.Equal(EmbeddedStorage.BusyTimeoutSeconds * 1000L, reader.GetInt64(1));
    }
}
