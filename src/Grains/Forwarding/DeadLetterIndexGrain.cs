using SoSucKhoe.Forwarding;

namespace SoSucKhoe.Grains.Forwarding;

/// <summary>The persisted refused dossiers of a facility.</summary>
[GenerateSerializer, Alias("sosuckhoe.DeadLetterIndexState")]
public sealed class DeadLetterIndexState
{
    [Id(0)] public List<DeadLetter> Letters { get; set; } = [];
}

/// <summary>Lists the dossiers of a facility that the gateway refused, until they are replayed or superseded.</summary>
public sealed class DeadLetterIndexGrain(
    [PersistentState("dead-letters", StorageNames.Main)] IPersistentState<DeadLetterIndexState> state) : Grain, IDeadLetterIndexGrain
{
    public async Task Add(DeadLetter letter)
    {
        if (state.State.Letters.Exists(l => l.DossierId == letter.DossierId && l.Version == letter.Version))
        {
            return;
        }

        state.State.Letters.Add(letter);
        await state.WriteStateAsync();
    }

    public async Task Remove(string dossierId, int version)
    {
        if (state.State.Letters.RemoveAll(l => l.DossierId == dossierId && l.Version == version) > 0)
        {
            await state.WriteStateAsync();
        }
    }

    public Task<IReadOnlyList<DeadLetter>> List() =>
        Task.FromResult<IReadOnlyList<DeadLetter>>(state.State.Letters.OrderBy(l => l.RejectedAt).ToList());
}
