namespace SoSucKhoe.TestData;

/// <summary>Shape of a synthetic province.</summary>
public sealed record ProvinceOptions
{
    public static ProvinceOptions Default { get; } = new();

    /// <summary>2-digit province code used in MA_CSKCB, card province and residence (Bình Phước = 70).</summary>
    public string ProvinceCode { get; init; } = "70";

    /// <summary>3-digit birth-registration code most citizens' personal IDs start with.</summary>
    public string BirthProvinceCode { get; init; } = "070";

    /// <summary>Share of citizens registered at birth in another province (their ID starts with another code).</summary>
    public double BornElsewhereShare { get; init; } = 0.15;

    public int FacilityCount { get; init; } = 170;

    /// <summary>
    /// The number of the first facility: codes are <c>{province}{number:D3}</c> from it on (001 by default). A tool that shares a
    /// hub with people's own facilities starts higher, so that its codes stay apart from theirs.
    /// </summary>
    public int FirstFacilityNumber { get; init; } = 1;

    public int CitizenCount { get; init; } = 1_000;

    /// <summary>Share of citizens without an insurance card.</summary>
    public double UninsuredShare { get; init; } = 0.1;

    /// <summary>Share of citizens (born before 1960) whose birth day and month are unknown.</summary>
    public double UnknownBirthDayShare { get; init; } = 0.05;

    /// <summary>Date against which ages are computed.</summary>
    public DateOnly ReferenceDate { get; init; } = new(2025, 1, 1);

    /// <summary>
    /// Administrative units (district and commune codes) to place facilities and citizens in. Null: the real communes of
    /// <see cref="ProvinceCode"/> from the product's lists (2024 list, with their post-reform codes), or, for a code the list
    /// does not know, 11 synthetic districts with consecutive codes starting at <see cref="FirstDistrictCode"/>, each with
    /// synthetic 5-digit commune codes.
    /// </summary>
    public IReadOnlyList<AdministrativeUnit>? AdministrativeUnits { get; init; }

    public int DistrictCount { get; init; } = 11;

    public int FirstDistrictCode { get; init; } = 688;

    public int CommunesPerDistrict { get; init; } = 10;
}
