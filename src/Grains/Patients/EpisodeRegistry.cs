using System.Collections.Concurrent;
using Orleans.Storage;
using SoSucKhoe.Patients;

namespace SoSucKhoe.Grains.Patients;

/// <summary>The stored owner of an episode: a grain storage record under the grain id <c>episode/&lt;MA_CSKCB:MA_LK&gt;</c>.</summary>
[GenerateSerializer, Alias("sosuckhoe.EpisodeState")]
public sealed class EpisodeState
{
    [Id(0)] public string? PersonKey { get; set; }
    [Id(1)] public DateTimeOffset ClaimedAt { get; set; }
}

/// <summary>
/// Episode claims as first-write-wins records of the hub's grain storage, without a grain. A claim is a write that expects no
/// record (no ETag): the storage commits it only when no claim exists, atomically on both profiles (SQLite group commit and the
/// PostgreSQL script), and a conflict means that another claim came first, which is then read. Claims never change, so a claim
/// seen once is remembered in this process (a bounded cache): a check-in, the dossier that follows it and its corrections cost
/// the storage nothing after the first.
/// </summary>
/// <remarks>
/// No grain holds a claim because a grain per episode would cost every new episode an activation, a read that misses, a write
/// and later a deactivation, on the path of every first dossier (measured in docs/benchmarks.md).
/// </remarks>
public sealed class EpisodeRegistry(IGrainStorage storage, TimeProvider time) : IEpisodeRegistry
{
    /// <summary>The state name of a claim record.</summary>
    public const string StateName = "episode";

    /// <summary>Most claims remembered; past this the cache starts over (a forgotten claim is read again when needed).</summary>
    public const int CacheCapacity = 1 << 16;

    private static readonly GrainType RecordType = GrainType.Create("episode");
    private readonly ConcurrentDictionary<string, string> _claims = new(StringComparer.Ordinal);

    /// <summary>The storage record id of an episode's claim, from its <see cref="EpisodeKey"/>.</summary>
    private static GrainId RecordId(string key) => GrainId.Create(RecordType, IdSpan.Create(key));

    public async Task<string> ClaimAsync(string facilityCode, string maLk, string personKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(personKey);
        var key = EpisodeKey.Create(facilityCode, maLk);
        if (_claims.TryGetValue(key, out var owner))
        {
            return owner;
        }

        var id = RecordId(key);
        try
        {
            await storage.WriteStateAsync(StateName, id,
                new GrainState<EpisodeState>(new EpisodeState { PersonKey = personKey, ClaimedAt = time.GetUtcNow() }));
            owner = personKey;
        }
        catch (InconsistentStateException)
        {
            // Claimed before (or concurrently, and that claim committed first): the stored owner stands.
            owner = await ReadAsync(id) ?? throw new InvalidOperationException(
                "An episode claim conflicted with a stored record that names no person.");
        }

        Remember(key, owner);
        return owner;
    }

    public async Task<string?> FindAsync(string facilityCode, string maLk)
    {
        var key = EpisodeKey.Create(facilityCode, maLk);
        if (_claims.TryGetValue(key, out var owner))
        {
            return owner;
        }

        owner = await ReadAsync(RecordId(key));
        if (owner is not null)
        {
            Remember(key, owner);
        }

        return owner;
    }

    private async Task<string?> ReadAsync(GrainId id)
    {
        var state = new GrainState<EpisodeState>(new EpisodeState());
        await storage.ReadStateAsync(StateName, id, state);
        return state.RecordExists ? state.State?.PersonKey : null;
    }

    private void Remember(string key, string owner)
    {
        if (_claims.Count >= CacheCapacity)
        {
            _claims.Clear();
        }

        _claims.TryAdd(key, owner);
    }
}
