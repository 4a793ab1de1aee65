using Npgsql;
using SoSucKhoe.Storage.Tests.Grains;
using SoSucKhoe.Storage.Tests.Infrastructure;

namespace SoSucKhoe.Storage.Tests.Postgres;

[Collection(PostgresCollection.Name)]
public sealed class PostgresClusteringTests(PostgresServer server)
{
    private const int ActiveStatus = 3;

    private async Task<(int Silos, int Active, int Version)> MembershipAsync(string clusterId)
    {
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT (SELECT count(*) FROM SiloMembership WHERE DeploymentId = @cluster)::int,
                   (SELECT count(*) FROM SiloMembership WHERE DeploymentId = @cluster AND Status = @active)::int,
                   coalesce((SELECT Version FROM SiloMembershipVersion WHERE DeploymentId = @cluster), -1)
            """, connection);
        command.Parameters.AddWithValue("cluster", clusterId);
        command.Parameters.AddWithValue("active", ActiveStatus);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2));
    }

    [Fact]
    public async Task A_silo_joins_through_the_PostgreSQL_membership_table_and_is_shown_Active()
    {
        await using var cluster = await StorageClusters.StartAsync(
            StorageClusters.NewServiceId(),
            new Dictionary<string, string> { [ConfigurationKeys.PostgresConnection] = server.ConnectionString },
            builder =>
            {
                builder.Options.UseTestClusterMembership = false;
                builder.AddSiloBuilderConfigurator<PostgresClusteringSiloConfigurator>();
                builder.AddSiloBuilderConfigurator<PostgresStorageConfigurator>();
                builder.AddClientBuilderConfigurator<PostgresClusteringClientConfigurator>();
            });

        var membership = await Eventually.Until(
            () => MembershipAsync(cluster.Options.ClusterId),
            m => m.Active == 1,
            TimeSpan.FromSeconds(30),
            "the silo to be Active in SiloMembership");

        Assert.Equal(1, membership.Silos);
        Assert.True(membership.Version > 0, "joining must bump the membership version");

        // The client found the gateway through GatewaysQueryKey: a grain call goes through.
        var grain = cluster.GrainFactory.GetGrain<IRecordKeeperGrain>("clustered");
        await grain.Save("via the gateway", []);
        Assert.Equal("via the gateway", (await grain.View()).Text);
    }

    [Fact]
    public async Task A_silo_on_an_empty_database_applies_the_schema_as_it_starts_before_it_joins()
    {
        var empty = await CreateDatabaseAsync($"empty_{Guid.NewGuid():N}");
        await using var cluster = await StorageClusters.StartAsync(
            StorageClusters.NewServiceId(),
            new Dictionary<string, string> { [ConfigurationKeys.PostgresConnection] = empty },
            builder =>
            {
                builder.Options.UseTestClusterMembership = false;
                builder.AddSiloBuilderConfigurator<PostgresSchemaMigrationConfigurator>();
                builder.AddSiloBuilderConfigurator<PostgresClusteringSiloConfigurator>();
                builder.AddSiloBuilderConfigurator<PostgresStorageConfigurator>();
                builder.AddClientBuilderConfigurator<PostgresClusteringClientConfigurator>();
            });

        var grain = cluster.GrainFactory.GetGrain<IRecordKeeperGrain>("migrated");
        await grain.Save("stored after the migration", []);

        Assert.Equal("stored after the migration", (await grain.View()).Text);
    }

    [Fact]
    public async Task Applying_the_schema_again_even_concurrently_succeeds_and_keeps_one_copy_of_each_query()
    {
        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => PostgresStorage.ApplySchemaAsync(server.ConnectionString)));

        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*), count(DISTINCT QueryKey) FROM OrleansQuery", connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();

        // 3 persistence + 9 clustering + 7 reminder queries.
        Assert.Equal(19L, reader.GetInt64(0));
        Assert.Equal(19L, reader.GetInt64(1));
    }

    private async Task<string> CreateDatabaseAsync(string name)
    {
        var maintenance = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = "postgres", Pooling = false };
        await using (var connection = new NpgsqlConnection(maintenance.ConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = name }.ConnectionString;
    }
}
