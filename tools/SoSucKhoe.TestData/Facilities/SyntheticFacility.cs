namespace SoSucKhoe.TestData;

/// <summary>
/// A synthetic insured-care facility. <see cref="Code"/> is MA_CSKCB (5 characters, province prefix).
/// <see cref="CareTypes"/> lists the MA_LOAI_KCB visit types the facility offers.
/// </summary>
public sealed record SyntheticFacility(
    string Code,
    string Name,
    string DistrictCode,
    FacilityLevel Level,
    IReadOnlyList<string> CareTypes,
    string HeadSocialInsuranceCode,
    IReadOnlyList<string> DepartmentCodes)
{
    public string ProvinceCode => Code[..2];

    /// <summary>The commune the facility is in before the 2025 reform, when the generator used real units.</summary>
    public string? CommuneCode { get; init; }

    /// <summary>The province it is in after the reform (75 for a Bình Phước facility).</summary>
    public string? CurrentProvinceCode { get; init; }

    /// <summary>The commune it is in after the reform.</summary>
    public string? CurrentCommuneCode { get; init; }

    public bool Offers(string visitType) => CareTypes.Contains(visitType);
}
