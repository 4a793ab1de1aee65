using SoSucKhoe.Security;

namespace SoSucKhoe.Grains.Security;

/// <summary>The persisted record of one API key.</summary>
[GenerateSerializer, Alias("sosuckhoe.CredentialState")]
public sealed class CredentialState
{
    [Id(0)] public CredentialRecord? Record { get; set; }
}

/// <summary>One API key: created once, then only revoked or given an end; never re-keyed.</summary>
public sealed class CredentialGrain(
    [PersistentState("credential", StorageNames.Main)] IPersistentState<CredentialState> state) : Grain, ICredentialGrain
{
    public async Task<bool> Create(CredentialRecord record)
    {
        if (state.State.Record is not null || record.KeyId != this.GetPrimaryKeyString())
        {
            return false;
        }

        state.State.Record = record;
        await state.WriteStateAsync();
        return true;
    }

    public Task<CredentialRecord?> Get() => Task.FromResult(state.State.Record);

    public async Task<CredentialRecord?> Revoke(DateTimeOffset at)
    {
        if (state.State.Record is { RevokedAt: null } record)
        {
            state.State.Record = record with { RevokedAt = at };
            await state.WriteStateAsync();
        }

        return state.State.Record;
    }

    public async Task<CredentialRecord?> ExpireAt(DateTimeOffset at)
    {
        if (state.State.Record is { } record && (record.NotAfter is null || record.NotAfter > at))
        {
            state.State.Record = record with { NotAfter = at };
            await state.WriteStateAsync();
        }

        return state.State.Record;
    }
}
