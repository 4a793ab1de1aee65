using SoSucKhoe.Episodes;

namespace SoSucKhoe.Grains.Episodes;

/// <summary>The persisted owner of an episode.</summary>
[GenerateSerializer, Alias("sosuckhoe.EpisodeState")]
public sealed class EpisodeState
{
    [Id(0)] public string? PersonKey { get; set; }
    [Id(1)] public DateTimeOffset ClaimedAt { get; set; }
}

/// <summary>Remembers which person an episode (MA_CSKCB:MA_LK) is filed under; the first claim wins.</summary>
public sealed class EpisodeGrain(
    [PersistentState("episode", StorageNames.Main)] IPersistentState<EpisodeState> state,
    TimeProvider time) : Grain, IEpisodeGrain
{
    public async Task<string> Claim(string personKey)
    {
        if (state.State.PersonKey is { } owner)
        {
            return owner;
        }

        state.State.PersonKey = personKey;
        state.State.ClaimedAt = time.GetUtcNow();
        await state.WriteStateAsync();
        return personKey;
    }

    public Task<string?> GetPersonKey() => Task.FromResult(state.State.PersonKey);
}
