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
            summary.MaBenhChinh,
            Standard: generated.Standard);
    }

    public static Task RegisterAsync(IGrainFactory grains, SyntheticFacility facility) =>
        grains.GetGrain<IFacilityGrain>(facility.Code).Register(new FacilityRegistration(facility.Code, ProfileOf(facility)));

    /// <summary>The registration profile of a synthetic facility (located in its province and district since 2024).</summary>
    public static FacilityProfile ProfileOf(SyntheticFacility facility) => new(
        facility.Name,
        facility.Level switch
        {
            SoSucKhoe.TestData.FacilityLevel.ProvincialHospital => SoSucKhoe.Facilities.FacilityLevel.Province,
            SoSucKhoe.TestData.FacilityLevel.CommuneHealthStation => SoSucKhoe.Facilities.FacilityLevel.Commune,
            _ => SoSucKhoe.Facilities.FacilityLevel.District,
        },
        facility.Level is SoSucKhoe.TestData.FacilityLevel.PrivateHospital or SoSucKhoe.TestData.FacilityLevel.PrivateClinic
            ? FacilityOwnership.Private
            : FacilityOwnership.Public,
        InsuredCareContract: true,
        [new FacilityLocation(new DateOnly(2024, 1, 1), facility.ProvinceCode, facility.DistrictCode, null)],
        [CareType.OutpatientExam, CareType.OutpatientTreatment, CareType.DrugRefill]);
}
