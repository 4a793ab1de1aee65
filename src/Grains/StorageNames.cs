namespace SoSucKhoe.Grains;

/// <summary>Names of the grain storage providers the grains persist into; the host binds them to a database.</summary>
public static class StorageNames
{
    /// <summary>The durable store for every domain grain (SQLite in the embedded profile, PostgreSQL in the cluster profile).</summary>
    public const string Main = "main";

    /// <summary>The store Orleans' stream pub-sub keeps its subscriptions in.</summary>
    public const string PubSub = "PubSubStore";
}
