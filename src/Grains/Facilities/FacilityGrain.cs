using SoSucKhoe.Facilities;

namespace SoSucKhoe.Grains.Facilities;

/// <summary>The persisted registration of a facility.</summary>
[GenerateSerializer, Alias("sosuckhoe.FacilityState")]
public sealed class FacilityState
{
    [Id(0)] public FacilityRegistration? Registration { get; set; }
    [Id(1)] public DateTimeOffset RegisteredAt { get; set; }
    [Id(2)] public DateTimeOffset UpdatedAt { get; set; }
    [Id(3)] public List<SigningCertificate> SigningCertificates { get; set; } = [];
}

/// <summary>One facility (MA_CSKCB): its registration and gateway account; unregistered facilities send nothing.</summary>
public sealed class FacilityGrain(
    [PersistentState("facility", StorageNames.Main)] IPersistentState<FacilityState> state,
    TimeProvider time) : Grain, IFacilityGrain
{
    public async Task<FacilityView> Register(FacilityRegistration registration)
    {
        var now = time.GetUtcNow();
        if (state.State.Registration is null)
        {
            state.State.RegisteredAt = now;
        }

        // An update that names no new gateway account keeps the one already stored.
        if (registration.GatewayUsername is null && state.State.Registration is { } previous)
        {
            registration = registration with
            {
                GatewayUsername = previous.GatewayUsername,
                GatewayPassword = previous.GatewayPassword,
            };
        }

        state.State.Registration = registration;
        state.State.UpdatedAt = now;
        await state.WriteStateAsync();
        return ToView(state.State)!;
    }

    public Task<FacilityView?> GetView() => Task.FromResult(ToView(state.State));

    public Task<ForwardingProfile?> GetForwardingProfile()
    {
        var registration = state.State.Registration;
        return Task.FromResult(registration is null
            ? null
            : new ForwardingProfile(registration.FacilityCode, registration.ProvinceCode, registration.GatewayUsername,
                registration.GatewayPassword));
    }

    public async Task<SigningCertificate?> AddSigningCertificate(SigningCertificate certificate)
    {
        if (state.State.Registration is null)
        {
            return null;
        }

        if (state.State.SigningCertificates.Find(c => c.Thumbprint == certificate.Thumbprint) is { } existing)
        {
            return existing;
        }

        state.State.SigningCertificates.Add(certificate);
        state.State.UpdatedAt = time.GetUtcNow();
        await state.WriteStateAsync();
        return certificate;
    }

    public async Task<SigningCertificate?> RevokeSigningCertificate(string thumbprint, DateTimeOffset at)
    {
        var index = state.State.SigningCertificates.FindIndex(c => c.Thumbprint == thumbprint);
        if (index < 0)
        {
            return null;
        }

        if (state.State.SigningCertificates[index].RevokedAt is null)
        {
            state.State.SigningCertificates[index] = state.State.SigningCertificates[index] with { RevokedAt = at };
            state.State.UpdatedAt = at;
            await state.WriteStateAsync();
        }

        return state.State.SigningCertificates[index];
    }

    public Task<IReadOnlyList<SigningCertificate>> GetSigningCertificates() =>
        Task.FromResult<IReadOnlyList<SigningCertificate>>(state.State.SigningCertificates.ToList());

    private static FacilityView? ToView(FacilityState facility) =>
        facility.Registration is not { } registration
            ? null
            : new FacilityView(registration.FacilityCode, registration.Name, registration.ProvinceCode, registration.DistrictCode,
                HasGatewayAccount: !string.IsNullOrEmpty(registration.GatewayUsername), facility.RegisteredAt, facility.UpdatedAt);
}
