using SoSucKhoe.Storage.Tests.Infrastructure;

namespace SoSucKhoe.Storage.Tests.Sqlite;

/// <summary>The grain persistence contract on the embedded profile's SQLite schema.</summary>
public sealed class SqliteGrainPersistenceTests(SqliteClusterFixture fixture)
    : GrainPersistenceContract, IClassFixture<SqliteClusterFixture>
{
    protected override TestCluster Cluster => fixture.Cluster;
}
