using SoSucKhoe.Security;

namespace SoSucKhoe.Grains.Security;

/// <summary>The persisted list of key ids of one principal.</summary>
[GenerateSerializer, Alias("sosuckhoe.CredentialIndexState")]
public sealed class CredentialIndexState
{
    [Id(0)] public List<string> KeyIds { get; set; } = [];
}

/// <summary>Which keys a principal holds, so that rotation can end the old ones.</summary>
public sealed class CredentialIndexGrain(
    [PersistentState("credential-index", StorageNames.Main)] IPersistentState<CredentialIndexState> state) : Grain, ICredentialIndexGrain
{
    public async Task Add(string keyId)
    {
        if (!state.State.KeyIds.Contains(keyId))
        {
            state.State.KeyIds.Add(keyId);
            await state.WriteStateAsync();
        }
    }

    public Task<IReadOnlyList<string>> List() => Task.FromResult<IReadOnlyList<string>>(state.State.KeyIds.ToList());
}
