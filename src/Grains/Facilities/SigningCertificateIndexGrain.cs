using SoSucKhoe.Facilities;

namespace SoSucKhoe.Grains.Facilities;

/// <summary>The persisted owner of a signing certificate.</summary>
[GenerateSerializer, Alias("sosuckhoe.SigningCertificateIndexState")]
public sealed class SigningCertificateIndexState
{
    [Id(0)] public string? FacilityCode { get; set; }
}

/// <summary>Remembers which facility a signing certificate belongs to, so a dossier signed with another facility's certificate is named as such.</summary>
public sealed class SigningCertificateIndexGrain(
    [PersistentState("signing-certificate", StorageNames.Main)] IPersistentState<SigningCertificateIndexState> state)
    : Grain, ISigningCertificateIndexGrain
{
    public async Task<string> Claim(string facilityCode)
    {
        if (state.State.FacilityCode is { } owner)
        {
            return owner;
        }

        state.State.FacilityCode = facilityCode;
        await state.WriteStateAsync();
        return facilityCode;
    }

    public Task<string?> GetFacility() => Task.FromResult(state.State.FacilityCode);
}
