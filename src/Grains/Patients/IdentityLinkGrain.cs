using SoSucKhoe.Patients;

namespace SoSucKhoe.Grains.Patients;

/// <summary>The persisted link of an identifier to a person.</summary>
[GenerateSerializer, Alias("sosuckhoe.IdentityLinkState")]
public sealed class IdentityLinkState
{
    [Id(0)] public string? PersonKey { get; set; }
    [Id(1)] public DateTimeOffset LinkedAt { get; set; }
}

/// <summary>Resolves an insurance number, old ID or passport to the person's key.</summary>
public sealed class IdentityLinkGrain(
    [PersistentState("identity", StorageNames.Main)] IPersistentState<IdentityLinkState> state,
    TimeProvider time) : Grain, IIdentityLinkGrain
{
    public Task<string?> Resolve() => Task.FromResult(state.State.PersonKey);

    public async Task Link(string personKey)
    {
        if (state.State.PersonKey == personKey)
        {
            return;
        }

        state.State.PersonKey = personKey;
        state.State.LinkedAt = time.GetUtcNow();
        await state.WriteStateAsync();
    }
}
