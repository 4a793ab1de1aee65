namespace SoSucKhoe.Facilities;

/// <summary>
/// Where the facility is, from a date on. Administrative units are effective-dated: the 2025 merger moved Bình Phước (70) into
/// Đồng Nai (75), so a facility keeps a list of locations and the one in force on a day is the latest that starts on or before it.
/// </summary>
/// <param name="EffectiveFrom">First day (local calendar) on which this location is in force.</param>
/// <param name="ProvinceCode">2-digit province code.</param>
/// <param name="DistrictCode">3-digit district code, if any (districts were abolished on 01/07/2025).</param>
/// <param name="CommuneCode">5-digit commune code, if known.</param>
public sealed record FacilityLocation(
    DateOnly EffectiveFrom,
    string ProvinceCode,
    string? DistrictCode,
    string? CommuneCode)
{
    /// <summary>The location in force on a day: the latest one starting on or before it, else the earliest one.</summary>
    public static FacilityLocation? InForce(IReadOnlyList<FacilityLocation> locations, DateOnly day)
    {
        FacilityLocation? best = null;
        FacilityLocation? earliest = null;
        foreach (var location in locations)
        {
            if (earliest is null || location.EffectiveFrom < earliest.EffectiveFrom)
            {
                earliest = location;
            }

            if (location.EffectiveFrom <= day && (best is null || location.EffectiveFrom >= best.EffectiveFrom))
            {
                best = location;
            }
        }

        return best ?? earliest;
    }
}
