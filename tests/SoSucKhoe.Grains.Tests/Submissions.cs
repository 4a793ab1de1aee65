using SoSucKhoe.Dossiers;
using SoSucKhoe.Dossiers.Reading;
using SoSucKhoe.Facilities;
using SoSucKhoe.Patients;
using SoSucKhoe.TestData;

namespace SoSucKhoe.Grains.Tests;

/// <summary>Turns generated dossiers into what the intake hands to a patient grain, as the API does after validation.</summary>
internal static class Submissions
{
    public static DossierSubmission From(GeneratedDossier generated)
    {
        var read = DossierReader.ReadDossier(generated.Payload);
        Assert.Empty(read.Violations);
        var summary = read.Dossier!.Summary!;
        var numbers = generated.Citizen.Card is { } card ? new[] { card.SocialInsuranceNumber } : [];
        return new DossierSubmission(
            generated.FacilityCode,
            generated.FacilityCode[..2],
            generated.MaLk,
            summary.MaLoaiKcb!,
            summary.NgayVao!.Value.Value,
            summary.NgayRa?.Value,
            DossierHash.Compute(generated.Payload),
            generated.Payload,
            numbers,
            summary.MaBenhChinh);
    }

    public static Task RegisterAsync(IGrainFactory grains, SyntheticFacility facility) =>
        grains.GetGrain<IFacilityGrain>(facility.Code).Register(
            new FacilityRegistration(facility.Code, facility.Name, facility.ProvinceCode, facility.DistrictCode, null, null));
}
