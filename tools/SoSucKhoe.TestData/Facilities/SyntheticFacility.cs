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

    public bool Offers(string visitType) => CareTypes.Contains(visitType);
}
