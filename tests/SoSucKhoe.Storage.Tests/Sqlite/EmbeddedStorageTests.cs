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
    public void Prepare_creates_the_database_file_in_WAL_mode_with_our_tables()
    {
        using var folder = new TempFolder("prepare");
        var dataDirectory = Path.Combine(folder.Path, "data", "nested");

        var connectionString = EmbeddedStorage.Prepare(dataDirectory);

        Assert.True(File.Exists(Path.Combine(dataDirectory, EmbeddedStorage.DatabaseFileName)));
        Assert.Equal("wal", Scalar(connectionString, "PRAGMA journal_mode;"));
        Assert.Equal(2L, Scalar(connectionString,
            "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name IN ('GrainRecord', 'AuditEntry');"));
    }

    [Fact]
    public void Prepare_can_run_at_every_start_without_losing_data()
    {
        using var folder = new TempFolder("prepare-again");
        var connectionString = EmbeddedStorage.Prepare(folder.Path);
        Scalar(connectionString,
            "INSERT INTO GrainRecord (ServiceId, StateName, GrainId, Version, Payload, ModifiedOn) VALUES ('s', 'state', 'g/k', 1, x'01', 'now');");

        var again = EmbeddedStorage.Prepare(folder.Path);

        Assert.Equal(connectionString, again);
        Assert.Equal(1L, Scalar(again, "SELECT count(*) FROM GrainRecord;"));
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
}
