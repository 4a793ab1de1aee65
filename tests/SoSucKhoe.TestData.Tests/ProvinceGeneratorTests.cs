namespace SoSucKhoe.TestData.Tests;

public sealed class ProvinceGeneratorTests
{
    [Fact]
    public void Default_province_has_about_170_facilities_in_11_districts()
    {
        var facilities = new ProvinceGenerator(1).Facilities();
        Assert.Equal(170, facilities.Count);
        Assert.Equal(11, facilities.Select(f => f.DistrictCode).Distinct().Count());
        Assert.All(facilities, f => Assert.Matches("^70[0-9]{3}$", f.Code));
        Assert.Equal(facilities.Count, facilities.Select(f => f.Code).Distinct().Count());
        Assert.Contains(facilities, f => f.Level == FacilityLevel.CommuneHealthStation && f.Offers(VisitTypes.CommuneStationStay));
        Assert.Contains(facilities, f => f.Level == FacilityLevel.ProvincialHospital && f.Offers(VisitTypes.Inpatient));
        Assert.All(facilities, f => Assert.Matches("^[0-9]{10}$", f.HeadSocialInsuranceCode));
    }

    [Fact]
    public void Facility_and_citizen_counts_are_configurable()
    {
        var province = new ProvinceGenerator(1, new ProvinceOptions { FacilityCount = 25, CitizenCount = 12 }).Generate();
        Assert.Equal(25, province.Facilities.Count);
        Assert.Equal(12, province.Citizens.Count);
    }

    [Fact]
    public void Same_seed_gives_the_same_province()
    {
        var a = new ProvinceGenerator(42, new ProvinceOptions { CitizenCount = 200 }).Generate();
        var b = new ProvinceGenerator(42, new ProvinceOptions { CitizenCount = 200 }).Generate();
        Assert.Equal(a.Citizens, b.Citizens, CitizenComparer.Instance);
        Assert.Equal(a.Facilities.Select(f => (f.Code, f.Name, f.DistrictCode, f.Level)), b.Facilities.Select(f => (f.Code, f.Name, f.DistrictCode, f.Level)));
    }

    [Fact]
    public void Different_seeds_give_different_citizens()
    {
        var a = new ProvinceGenerator(42).CitizenAt(5);
        var b = new ProvinceGenerator(43).CitizenAt(5);
        Assert.NotEqual(a.PersonalId + a.FullName, b.PersonalId + b.FullName);
    }

    [Fact]
    public void A_citizen_depends_only_on_seed_and_index()
    {
        var generator = new ProvinceGenerator(9);
        var direct = generator.CitizenAt(123_456);
        _ = generator.CitizenAt(1);
        Assert.Equal(direct, new ProvinceGenerator(9).CitizenAt(123_456), CitizenComparer.Instance);
    }

    private sealed class CitizenComparer : IEqualityComparer<SyntheticCitizen>
    {
        public static readonly CitizenComparer Instance = new();

        public bool Equals(SyntheticCitizen? x, SyntheticCitizen? y) => x == y;

        public int GetHashCode(SyntheticCitizen obj) => obj.GetHashCode();
    }
}
