namespace SoSucKhoe.TestData.Tests;

/// <summary>A small shared province for the tests (generation is deterministic and cheap).</summary>
internal static class Scenario
{
    public const int Seed = 20250331;

    public static readonly DateTimeOffset Arrival = new(2025, 3, 10, 8, 15, 0, TimeSpan.FromHours(7));

    private static readonly Lazy<SyntheticProvince> LazyProvince =
        new(() => new ProvinceGenerator(Seed, new ProvinceOptions { CitizenCount = 400 }).Generate());

    public static SyntheticProvince Province => LazyProvince.Value;

    public static SyntheticCitizen Insured => Province.Citizens.First(c => c.IsInsured && c.BirthDate.AgeAt(new DateOnly(2025, 1, 1)) >= 18);

    public static SyntheticCitizen Uninsured => Province.Citizens.First(c => !c.IsInsured);

    public static SyntheticFacility Hospital => Province.Facilities.First(f => f.Level == FacilityLevel.ProvincialHospital);

    public static SyntheticFacility CommuneStation => Province.Facilities.First(f => f.Level == FacilityLevel.CommuneHealthStation);

    /// <summary>A facility that offers the visit type.</summary>
    public static SyntheticFacility FacilityFor(string visitType) =>
        visitType == VisitTypes.CommuneStationStay ? CommuneStation : Hospital;
}
