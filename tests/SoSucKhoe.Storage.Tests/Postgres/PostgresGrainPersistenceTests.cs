using SoSucKhoe.Storage.Tests.Infrastructure;

namespace SoSucKhoe.Storage.Tests.Postgres;

/// <summary>The grain persistence contract on the cluster profile's PostgreSQL schema.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresGrainPersistenceTests(PostgresServer server) : GrainPersistenceContract, IAsyncLifetime
{
    private TestCluster? _cluster;

    protected override TestCluster Cluster => _cluster!;

    public async Task InitializeAsync() =>
        _cluster = await StorageClusters.StartAsync(
            StorageClusters.NewServiceId(),
            new Dictionary<string, string> { [ConfigurationKeys.PostgresConnection] = server.ConnectionString },
            builder => builder.AddSiloBuilderConfigurator<PostgresStorageConfigurator>());

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }
}
