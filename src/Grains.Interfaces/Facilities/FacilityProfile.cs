namespace SoSucKhoe.Facilities;

/// <summary>The facility's technical level (tuyến chuyên môn).</summary>
public enum FacilityLevel
{
    Unspecified = 0,

    /// <summary>Central (trung ương).</summary>
    Central = 1,

    /// <summary>Province (tỉnh).</summary>
    Province = 2,

    /// <summary>District (huyện).</summary>
    District = 3,

    /// <summary>Commune health station (xã).</summary>
    Commune = 4,
}

/// <summary>Public (công lập) or private (ngoài công lập).</summary>
public enum FacilityOwnership
{
    Unspecified = 0,
    Public = 1,
    Private = 2,
}

/// <summary>The six care types of the semiannual report (QĐ 2733 Appendix 01 Art. 8).</summary>
public enum CareType
{
    Unspecified = 0,

    /// <summary>Outpatient examination (khám bệnh ngoại trú).</summary>
    OutpatientExam = 1,

    /// <summary>Outpatient treatment (điều trị ngoại trú).</summary>
    OutpatientTreatment = 2,

    /// <summary>Drug refill by appointment (cấp thuốc theo hẹn).</summary>
    DrugRefill = 3,

    /// <summary>Inpatient treatment (điều trị nội trú).</summary>
    Inpatient = 4,

    /// <summary>Day care (điều trị nội trú ban ngày).</summary>
    DayCare = 5,

    /// <summary>Telemedicine (khám chữa bệnh từ xa).</summary>
    Telemedicine = 6,
}

/// <summary>
/// Where the facility is, from a date on. Administrative units are effective-dated: the 2025 merger moved Bình Phước (70) into
/// Đồng Nai (75), so a facility keeps a list of locations and the one in force on a day is the latest that starts on or before it.
/// </summary>
/// <param name="EffectiveFrom">First day (local calendar) on which this location is in force.</param>
/// <param name="ProvinceCode">2-digit province code.</param>
/// <param name="DistrictCode">3-digit district code, if any (districts were abolished on 01/07/2025).</param>
/// <param name="CommuneCode">5-digit commune code, if known.</param>
[GenerateSerializer, Immutable, Alias("sosuckhoe.FacilityLocation")]
public sealed record FacilityLocation(
    [property: Id(0)] DateOnly EffectiveFrom,
    [property: Id(1)] string ProvinceCode,
    [property: Id(2)] string? DistrictCode,
    [property: Id(3)] string? CommuneCode)
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

/// <summary>What the province knows about a facility, as registered or imported.</summary>
/// <param name="Name">The facility's name.</param>
/// <param name="Level">Its technical level.</param>
/// <param name="Ownership">Public or private.</param>
/// <param name="InsuredCareContract">True when it has an insured-care (KCB BHYT) contract with social security.</param>
/// <param name="Locations">Effective-dated locations, at least one.</param>
/// <param name="CareTypes">The care types it offers.</param>
[GenerateSerializer, Immutable, Alias("sosuckhoe.FacilityProfile")]
public sealed record FacilityProfile(
    [property: Id(0)] string Name,
    [property: Id(1)] FacilityLevel Level,
    [property: Id(2)] FacilityOwnership Ownership,
    [property: Id(3)] bool InsuredCareContract,
    [property: Id(4)] IReadOnlyList<FacilityLocation> Locations,
    [property: Id(5)] IReadOnlyList<CareType> CareTypes);
