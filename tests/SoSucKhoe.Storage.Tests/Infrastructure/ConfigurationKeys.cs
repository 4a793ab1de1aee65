namespace SoSucKhoe.Storage.Tests.Infrastructure;

/// <summary>Test cluster properties, read back by the silo and client configurators.</summary>
public static class ConfigurationKeys
{
    public const string SqliteConnection = "StorageTests:SqliteConnection";
    public const string PostgresConnection = "StorageTests:PostgresConnection";
}
