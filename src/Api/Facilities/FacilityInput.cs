using SoSucKhoe.Facilities;

namespace SoSucKhoe.Api.Facilities;

/// <summary>
/// A registration or profile update as given by RegisterFacility or one import row, already parsed: null means "not given" (keep
/// the stored value on an update, use the default for a new facility).
/// </summary>
public sealed record FacilityInput(
    string FacilityCode,
    string? Name,
    string? ProvinceCode,
    string? DistrictCode,
    string? CommuneCode,
    DateOnly? EffectiveFrom,
    FacilityLevel? Level,
    FacilityOwnership? Ownership,
    bool? InsuredCareContract,
    IReadOnlyList<CareType>? CareTypes)
{
    /// <summary>True when any part of the location was given.</summary>
    public bool HasLocation => ProvinceCode is not null || DistrictCode is not null || CommuneCode is not null || EffectiveFrom is not null;
}
