using Microsoft.Extensions.Configuration;
using SoSucKhoe.Storage.Tests.Grains;

namespace SoSucKhoe.Storage.Tests.Infrastructure;

/// <summary>Grain storage on the SQLite file prepared by the test (the embedded profile).</summary>
public sealed class EmbeddedStorageConfigurator : ISiloConfigurator
{
    public void Configure(ISiloBuilder siloBuilder) =>
        siloBuilder.AddEmbeddedGrainStorage(Required(siloBuilder.Configuration, ConfigurationKeys.SqliteConnection), RecordKeeperGrain.StorageName);

    internal static string Required(IConfiguration configuration, string key) =>
        configuration[key] ?? throw new InvalidOperationException($"Test cluster property '{key}' is missing.");
}

/// <summary>Grain storage on PostgreSQL.</summary>
public sealed class PostgresStorageConfigurator : ISiloConfigurator
{
    public void Configure(ISiloBuilder siloBuilder) =>
        siloBuilder.AddPostgresGrainStorage(
            EmbeddedStorageConfigurator.Required(siloBuilder.Configuration, ConfigurationKeys.PostgresConnection),
            RecordKeeperGrain.StorageName);
}

/// <summary>The PostgreSQL schema applied as the silo starts, as the cluster profile does.</summary>
public sealed class PostgresSchemaMigrationConfigurator : ISiloConfigurator
{
    public void Configure(ISiloBuilder siloBuilder) =>
        siloBuilder.AddPostgresSchemaMigration(
            EmbeddedStorageConfigurator.Required(siloBuilder.Configuration, ConfigurationKeys.PostgresConnection));
}

/// <summary>Membership in PostgreSQL, for the silo.</summary>
public sealed class PostgresClusteringSiloConfigurator : ISiloConfigurator
{
    public void Configure(ISiloBuilder siloBuilder) =>
        siloBuilder.UsePostgresClustering(
            EmbeddedStorageConfigurator.Required(siloBuilder.Configuration, ConfigurationKeys.PostgresConnection));
}

/// <summary>Gateway discovery from the PostgreSQL membership table, for the client.</summary>
public sealed class PostgresClusteringClientConfigurator : IClientBuilderConfigurator
{
    public void Configure(IConfiguration configuration, IClientBuilder clientBuilder) =>
        clientBuilder.UsePostgresClustering(EmbeddedStorageConfigurator.Required(configuration, ConfigurationKeys.PostgresConnection));
}

/// <summary>Reminders in PostgreSQL.</summary>
public sealed class PostgresRemindersConfigurator : ISiloConfigurator
{
    public void Configure(ISiloBuilder siloBuilder) =>
        siloBuilder.UsePostgresReminders(
            EmbeddedStorageConfigurator.Required(siloBuilder.Configuration, ConfigurationKeys.PostgresConnection));
}
