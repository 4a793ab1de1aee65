namespace SoSucKhoe.TestData;

/// <summary>Simplified technical level of a facility.</summary>
public enum FacilityLevel
{
    ProvincialHospital = 1,
    DistrictMedicalCentre = 2,
    PrivateHospital = 3,
    PrivateClinic = 4,
    CommuneHealthStation = 5,
}
