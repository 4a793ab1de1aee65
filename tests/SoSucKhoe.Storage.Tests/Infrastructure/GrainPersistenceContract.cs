using System.Security.Cryptography;
using Orleans.Storage;
using SoSucKhoe.Grains.Patients;
using SoSucKhoe.Storage.Tests.Grains;

namespace SoSucKhoe.Storage.Tests.Infrastructure;

/// <summary>
/// What our schema scripts must guarantee to the Orleans ADO.NET grain storage provider, whatever the database:
/// the same specification runs on SQLite and on PostgreSQL.
/// </summary>
public abstract class GrainPersistenceContract
{
    protected abstract TestCluster Cluster { get; }

    private IRecordKeeperGrain NewGrain() => Cluster.GrainFactory.GetGrain<IRecordKeeperGrain>($"record-{Guid.NewGuid():N}");

    private IGrainStorage Storage => Cluster.GrainStorage(RecordKeeperGrain.StorageName);

    private static async Task<GrainState<KeptRecord>> ReadAsync(IGrainStorage storage, GrainId grainId)
    {
        var state = new GrainState<KeptRecord>(new KeptRecord());
        await storage.ReadStateAsync(RecordKeeperGrain.StateName, grainId, state);
        return state;
    }

    private static KeptRecord Content(GrainState<KeptRecord> state) =>
        state.State ?? throw new InvalidOperationException("The provider left the state null.");

    private static GrainState<KeptRecord> Copy(GrainState<KeptRecord> state, string text) =>
        new(Content(state) with { Text = text }, state.ETag) { RecordExists = state.RecordExists };

    [Fact]
    public async Task A_written_state_is_read_back_by_a_new_activation()
    {
        var grain = NewGrain();
        await grain.Save("đã gửi", [1, 2, 3]);
        await grain.Deactivate();

        var view = await grain.View();

        Assert.Equal("đã gửi", view.Text);
        Assert.Equal(new byte[] { 1, 2, 3 }, view.Blob);
        Assert.Equal(1, view.Writes);
        Assert.Equal("1", view.ETag);
        Assert.True(view.RecordExists);
    }

    [Fact]
    public async Task Every_write_moves_the_etag_on()
    {
        var grain = NewGrain();
        await grain.Save("a", []);
        await grain.Save("b", []);
        await grain.Save("c", []);

        var view = await grain.View();

        Assert.Equal("3", view.ETag);
        Assert.Equal(3, view.Writes);
    }

    [Fact]
    public async Task A_second_write_with_the_same_stale_etag_is_an_InconsistentStateException()
    {
        var grainId = NewGrain().GetGrainId();
        var first = await ReadAsync(Storage, grainId);
        await Storage.WriteStateAsync(RecordKeeperGrain.StateName, grainId, first);
        var stale = Copy(first, "stale copy");

        await Storage.WriteStateAsync(RecordKeeperGrain.StateName, grainId, first);
        await Assert.ThrowsAsync<InconsistentStateException>(
            () => Storage.WriteStateAsync(RecordKeeperGrain.StateName, grainId, stale));

        var stored = await ReadAsync(Storage, grainId);
        Assert.Equal("2", stored.ETag);
        Assert.Equal("", Content(stored).Text);
    }

    [Fact]
    public async Task A_first_write_without_etag_conflicts_when_the_state_already_exists()
    {
        var grainId = NewGrain().GetGrainId();
        var writer = await ReadAsync(Storage, grainId);
        var latecomer = await ReadAsync(Storage, grainId);
        await Storage.WriteStateAsync(RecordKeeperGrain.StateName, grainId, writer);

        await Assert.ThrowsAsync<InconsistentStateException>(
            () => Storage.WriteStateAsync(RecordKeeperGrain.StateName, grainId, Copy(latecomer, "latecomer")));
    }

    [Fact]
    public async Task A_write_with_an_etag_conflicts_when_no_state_is_stored()
    {
        var grainId = NewGrain().GetGrainId();
        var invented = new GrainState<KeptRecord>(new KeptRecord { Text = "invented" }, "7");

        await Assert.ThrowsAsync<InconsistentStateException>(
            () => Storage.WriteStateAsync(RecordKeeperGrain.StateName, grainId, invented));

        Assert.False((await ReadAsync(Storage, grainId)).RecordExists);
    }

    [Fact]
    public async Task A_grain_whose_stored_state_changed_elsewhere_cannot_overwrite_it()
    {
        var grain = NewGrain();
        await grain.Save("from the grain", []);
        var grainId = grain.GetGrainId();
        var elsewhere = await ReadAsync(Storage, grainId);
        await Storage.WriteStateAsync(RecordKeeperGrain.StateName, grainId, Copy(elsewhere, "from elsewhere"));

        await Assert.ThrowsAsync<InconsistentStateException>(() => grain.Save("overwrite attempt", []));

        Assert.Equal("from elsewhere", Content(await ReadAsync(Storage, grainId)).Text);
    }

    [Fact]
    public async Task Clear_empties_the_state_and_keeps_the_version_sequence()
    {
        var grain = NewGrain();
        await grain.Save("to be cleared", [9]);
        await grain.Forget();
        await grain.Deactivate();

        var cleared = await grain.View();
        Assert.Equal("", cleared.Text);
        Assert.Equal(0, cleared.Writes);
        Assert.False(cleared.RecordExists);
        Assert.Equal("2", cleared.ETag);

        await grain.Save("after clear", []);
        var view = await grain.View();
        Assert.Equal("3", view.ETag);
        Assert.Equal(1, view.Writes);
    }

    [Fact]
    public async Task A_clear_with_a_stale_etag_is_an_InconsistentStateException()
    {
        var grainId = NewGrain().GetGrainId();
        var state = await ReadAsync(Storage, grainId);
        await Storage.WriteStateAsync(RecordKeeperGrain.StateName, grainId, state);
        var stale = Copy(state, "stale");
        await Storage.WriteStateAsync(RecordKeeperGrain.StateName, grainId, state);

        await Assert.ThrowsAsync<InconsistentStateException>(
            () => Storage.ClearStateAsync(RecordKeeperGrain.StateName, grainId, stale));

        Assert.True((await ReadAsync(Storage, grainId)).RecordExists);
    }

    [Fact]
    public async Task A_state_of_one_megabyte_round_trips()
    {
        var blob = RandomNumberGenerator.GetBytes(1024 * 1024);
        var grain = NewGrain();
        await grain.Save("large", blob);
        await grain.Deactivate();

        var view = await grain.View();

        Assert.Equal(blob.Length, view.Blob.Length);
        Assert.True(blob.AsSpan().SequenceEqual(view.Blob), "the 1 MiB payload came back different");
    }

    [Fact]
    public async Task An_episode_claim_is_first_write_wins_across_registries_that_share_the_storage()
    {
        var maLk = $"LK-{Guid.NewGuid():N}";
        var first = new EpisodeRegistry(Storage, TimeProvider.System);
        var second = new EpisodeRegistry(Storage, TimeProvider.System);

        Assert.Equal("070090000001", await first.ClaimAsync("70001", maLk, "070090000001"));
        Assert.Equal("070090000001", await second.ClaimAsync("70001", maLk, "070090000002"));
        Assert.Equal("070090000001", await new EpisodeRegistry(Storage, TimeProvider.System).FindAsync("70001", maLk));
        Assert.Null(await second.FindAsync("70002", maLk));
    }

    [Fact]
    public async Task Concurrent_claims_of_one_episode_by_two_people_agree_on_one_owner()
    {
        var maLk = $"LK-{Guid.NewGuid():N}";
        var claims = await Task.WhenAll(
            new EpisodeRegistry(Storage, TimeProvider.System).ClaimAsync("70001", maLk, "070090000001"),
            new EpisodeRegistry(Storage, TimeProvider.System).ClaimAsync("70001", maLk, "070090000002"));

        Assert.Equal(claims[0], claims[1]);
        Assert.Contains(claims[0], new[] { "070090000001", "070090000002" });
        Assert.Equal(claims[0], await new EpisodeRegistry(Storage, TimeProvider.System).FindAsync("70001", maLk));
    }
}
