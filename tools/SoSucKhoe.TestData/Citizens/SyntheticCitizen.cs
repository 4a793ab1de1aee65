using SoSucKhoe.Dossiers.Catalogues;

namespace SoSucKhoe.TestData;

/// <summary>
/// A synthetic person. Every value is structurally valid for the national format but invented.
/// Never log <see cref="PersonalId"/>, the card number or <see cref="FullName"/>.
/// </summary>
public sealed record SyntheticCitizen(
    long Index,
    string PersonalId,
    string FullName,
    PartialDate BirthDate,
    Sex Sex,
    string EthnicityCode,
    string NationalityCode,
    string OccupationCode,
    string ProvinceCode,
    string DistrictCode,
    string CommuneCode,
    string Address,
    string Phone,
    InsuranceCard? Card,
    decimal WeightKg)
{
    public bool IsInsured => Card is not null;

    /// <summary>Facility-independent patient code used as MA_BN.</summary>
    public string PatientCode => $"BN{PersonalId[^8..]}{Index % 100:D2}";

    /// <summary>The 3-digit birth-registration province code at the start of the personal ID.</summary>
    public string BirthProvinceCode => PersonalId[..3];

    /// <summary>The province of the residence after the 2025 reform (null when the generator had no post-reform units).</summary>
    public string? CurrentProvinceCode { get; init; }

    /// <summary>The commune of the residence after the 2025 reform.</summary>
    public string? CurrentCommuneCode { get; init; }

    /// <summary>
    /// The residence as the administrative-unit list in force on <paramref name="day"/> codes it: province, district and commune
    /// before the reform; province and commune, no district, from 01/07/2025 (when post-reform codes are known).
    /// </summary>
    internal Residence ResidenceOn(DateOnly day) =>
        CurrentProvinceCode is { } province && ShippedCatalogues.AdministrativeUnits.On(day) is { HasDistricts: false }
            ? new Residence(province, null, CurrentCommuneCode)
            : new Residence(ProvinceCode, DistrictCode, CommuneCode);
}
