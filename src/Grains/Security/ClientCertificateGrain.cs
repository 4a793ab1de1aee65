using SoSucKhoe.Security;

namespace SoSucKhoe.Grains.Security;

/// <summary>The persisted binding of a client certificate.</summary>
[GenerateSerializer, Alias("sosuckhoe.ClientCertificateState")]
public sealed class ClientCertificateState
{
    [Id(0)] public ClientCertificateBinding? Binding { get; set; }
}

/// <summary>One registered client certificate: bound once to one facility, then only revoked.</summary>
public sealed class ClientCertificateGrain(
    [PersistentState("client-certificate", StorageNames.Main)] IPersistentState<ClientCertificateState> state) : Grain, IClientCertificateGrain
{
    public async Task<bool> Bind(ClientCertificateBinding binding)
    {
        if (state.State.Binding is not null || binding.Thumbprint != this.GetPrimaryKeyString())
        {
            return false;
        }

        state.State.Binding = binding;
        await state.WriteStateAsync();
        return true;
    }

    public Task<ClientCertificateBinding?> Get() => Task.FromResult(state.State.Binding);

    public async Task<ClientCertificateBinding?> Revoke(DateTimeOffset at)
    {
        if (state.State.Binding is { RevokedAt: null } binding)
        {
            state.State.Binding = binding with { RevokedAt = at };
            await state.WriteStateAsync();
        }

        return state.State.Binding;
    }
}
