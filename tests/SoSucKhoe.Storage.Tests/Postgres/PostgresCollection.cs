namespace SoSucKhoe.Storage.Tests.Postgres;

/// <summary>All PostgreSQL tests share one server.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "postgresql";
}
