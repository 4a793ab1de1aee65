using Npgsql;
using SoSucKhoe.Storage.Tests.Grains;
using SoSucKhoe.Storage.Tests.Infrastructure;

namespace SoSucKhoe.Storage.Tests.Postgres;

[Collection(PostgresCollection.Name)]
public sealed class PostgresReminderTests(PostgresServer server)
{
    private async Task<List<(string GrainId, long Period, int Version)>> RemindersAsync(string serviceId, string name)
    {
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT GrainId, Period, Version FROM Reminder WHERE ServiceId = @service AND ReminderName = @name", connection);
        command.Parameters.AddWithValue("service", serviceId);
        command.Parameters.AddWithValue("name", name);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(string, long, int)>();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetString(0), reader.GetInt64(1), reader.GetInt32(2)));
        }

        return rows;
    }

    [Fact]
    public async Task A_registered_reminder_is_stored_in_the_reminder_table_and_removed_on_unregister()
    {
        var serviceId = StorageClusters.NewServiceId();
        await using var cluster = await StorageClusters.StartAsync(
            serviceId,
            new Dictionary<string, string> { [ConfigurationKeys.PostgresConnection] = server.ConnectionString },
            builder => builder.AddSiloBuilderConfigurator<PostgresRemindersConfigurator>());
        var grain = cluster.GrainFactory.GetGrain<IReminderHolderGrain>("resend-open-dossiers");

        await grain.Register("redrive", TimeSpan.FromMinutes(5));

        var row = Assert.Single(await RemindersAsync(serviceId, "redrive"));
        Assert.Equal(grain.GetGrainId().ToString(), row.GrainId);
        Assert.Equal((long)TimeSpan.FromMinutes(5).TotalMilliseconds, row.Period);
        Assert.Equal(0, row.Version);
        Assert.Equal(["redrive"], await grain.Names());

        await grain.Register("redrive", TimeSpan.FromMinutes(10));
        var updated = Assert.Single(await RemindersAsync(serviceId, "redrive"));
        Assert.Equal(1, updated.Version);
        Assert.Equal((long)TimeSpan.FromMinutes(10).TotalMilliseconds, updated.Period);

        await grain.Unregister("redrive");
        Assert.Empty(await RemindersAsync(serviceId, "redrive"));
        Assert.Empty(await grain.Names());
    }
}
