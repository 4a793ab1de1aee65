namespace SoSucKhoe.Forwarding;

/// <summary>
/// A durable shard of the index of persons whose outbox is not empty. A patient grain registers here before it writes its first
/// outbox entry, so that after a crash every open entry is found again and re-driven. The shard is keyed by a stable hash of the
/// person key modulo <see cref="OutboxIndex.ShardCount"/>; writes are coalesced (group commit).
/// </summary>
public interface IOutboxIndexGrain : IGrainWithIntegerKey
{
    /// <summary>Durably records that the person has open outbox entries.</summary>
    Task Register(string personKey);

    /// <summary>Forgets the person once its outbox is empty.</summary>
    Task Unregister(string personKey);

    /// <summary>Asks every registered person to re-drive its outbox.</summary>
    Task RedriveAll();

    /// <summary>
    /// The gateway is back: asks every registered person to resume at once (<c>IPatientGrain.Resume</c>). Calls within
    /// <c>Forwarding:ResumeCooldown</c> of the previous round are ignored, since every forwarder that sees the recovery asks.
    /// </summary>
    Task ResumeAll();

    /// <summary>How many persons the shard lists.</summary>
    Task<int> GetCount();
}

/// <summary>Routing of person keys to outbox index shards.</summary>
public static class OutboxIndex
{
    /// <summary>Number of shards. Changing it needs a migration of the shards' state.</summary>
    public const int ShardCount = 16;

    /// <summary>The shard of a person: FNV-1a of the key, stable across processes and machines.</summary>
    public static int ShardOf(string personKey)
    {
        var hash = 2166136261u;
        foreach (var c in personKey)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash % ShardCount);
    }
}
