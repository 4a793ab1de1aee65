namespace SoSucKhoe.TestData;

/// <summary>A generated province: its facilities and citizens.</summary>
public sealed record SyntheticProvince(
    int Seed,
    ProvinceOptions Options,
    IReadOnlyList<SyntheticFacility> Facilities,
    IReadOnlyList<SyntheticCitizen> Citizens);
