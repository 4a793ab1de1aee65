using SoSucKhoe.Forwarding;

namespace SoSucKhoe.Grains.Tests;

/// <summary>
/// The outbox index shard: registrations are durable before they return; removals are deferred to the next write but never
/// hide a person registered again afterwards. Each test uses a shard number no person maps to, so other tests cannot interfere.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class OutboxIndexGrainTests(ClusterFixture fixture)
{
    private static long s_shard = 100_000;

    private IOutboxIndexGrain NewShard() => fixture.Grains.GetGrain<IOutboxIndexGrain>(Interlocked.Increment(ref s_shard));

    [Fact]
    public async Task A_removal_takes_effect_at_once_for_the_shard_even_though_its_write_is_deferred()
    {
        var shard = NewShard();
        await shard.Register("person-a");
        await shard.Register("person-b");
        Assert.Equal(2, await shard.GetCount());

        await shard.Unregister("person-a");
        Assert.Equal(1, await shard.GetCount());
    }

    [Fact]
    public async Task A_person_registered_again_after_a_removal_stays_listed()
    {
        var shard = NewShard();
        await shard.Register("person-a");
        await shard.Unregister("person-a");
        await shard.Register("person-a");

        Assert.Equal(1, await shard.GetCount());
    }

    [Fact]
    public async Task Removing_an_unknown_person_changes_nothing()
    {
        var shard = NewShard();
        await shard.Register("person-a");
        await shard.Unregister("person-z");

        Assert.Equal(1, await shard.GetCount());
    }
}
