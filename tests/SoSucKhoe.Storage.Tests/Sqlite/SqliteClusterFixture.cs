using SoSucKhoe.Storage.Tests.Infrastructure;

namespace SoSucKhoe.Storage.Tests.Sqlite;

/// <summary>One test cluster whose grain storage is a SQLite file in a temp folder.</summary>
public sealed class SqliteClusterFixture : IAsyncLifetime
{
    private readonly TempFolder _folder = new("sqlite");

    public TestCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var connectionString = EmbeddedStorage.Prepare(_folder.Path);
        Cluster = await StorageClusters.StartAsync(
            StorageClusters.NewServiceId(),
            new Dictionary<string, string> { [ConfigurationKeys.SqliteConnection] = connectionString },
            builder => builder.AddSiloBuilderConfigurator<EmbeddedStorageConfigurator>());
    }

    public async Task DisposeAsync()
    {
        if (Cluster is not null)
        {
            await Cluster.DisposeAsync();
        }

        _folder.Dispose();
    }
}
