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
    [property: Id(5)] IReadOnlyList<CareType> CareTypes)
{
    /// <summary>The location in force on a day (see <see cref="FacilityLocation.InForce"/>).</summary>
    public FacilityLocation? LocationOn(DateOnly day) => FacilityLocation.InForce(Locations, day);
}
