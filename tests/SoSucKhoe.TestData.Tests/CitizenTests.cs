using System.Text.RegularExpressions;

namespace SoSucKhoe.TestData.Tests;

public sealed partial class CitizenTests
{
    private static readonly string[] CommonGroups = ["DN", "HC", "HT", "TE", "HS", "SV", "GD", "HN", "CN", "CK", "BT", "TS", "XN", "NO"];

    private static IReadOnlyList<SyntheticCitizen> Citizens => Scenario.Province.Citizens;

    [Fact]
    public void Personal_id_is_12_digits_birth_province_century_sex_year_and_serial()
    {
        foreach (var c in Citizens)
        {
            Assert.Matches(TwelveDigits(), c.PersonalId);
            var decoded = PersonalIdNumber.Decode(c.PersonalId);
            Assert.NotNull(decoded);
            Assert.Equal(c.BirthDate.Year, decoded.Value.BirthYear);
            Assert.Equal(c.Sex, decoded.Value.Sex);
        }
    }

    [Theory]
    [InlineData(1985, Sex.Male, 0)]
    [InlineData(1985, Sex.Female, 1)]
    [InlineData(2003, Sex.Male, 2)]
    [InlineData(2003, Sex.Female, 3)]
    public void Century_sex_digit_follows_birth_century_and_sex(int year, Sex sex, int digit)
    {
        Assert.Equal(digit, PersonalIdNumber.CenturySexDigit(year, sex));
        var id = PersonalIdNumber.Compose("070", year, sex, 123);
        Assert.Equal($"070{digit}{year % 100:D2}000123", id);
    }

    [Fact]
    public void Most_ids_start_with_the_provinces_birth_code_and_some_with_others()
    {
        var local = Citizens.Count(c => c.BirthProvinceCode == "070");
        Assert.InRange(local, Citizens.Count * 7 / 10, Citizens.Count - 1);
        Assert.All(Citizens, c => Assert.Matches("^0[0-9]{2}$", c.BirthProvinceCode));
    }

    [Fact]
    public void Personal_ids_are_unique_in_a_province()
    {
        Assert.Equal(Citizens.Count, Citizens.Select(c => c.PersonalId).Distinct().Count());
    }

    [Fact]
    public void Insurance_card_is_group_level_province_and_social_insurance_number()
    {
        var insured = Citizens.Where(c => c.Card is not null).ToList();
        Assert.NotEmpty(insured);
        foreach (var card in insured.Select(c => c.Card!))
        {
            Assert.Matches(CardNumber(), card.Number);
            Assert.Contains(card.GroupCode, CommonGroups);
            Assert.InRange(card.BenefitLevel, 1, 5);
            Assert.Equal(card.ProvinceCode, card.Number.Substring(3, 2));
            Assert.Equal(card.SocialInsuranceNumber, card.Number[5..]);
            Assert.Matches("^70[0-9]{3}$", card.RegisteredFacilityCode);
        }
    }

    [Fact]
    public void Card_group_follows_age()
    {
        var reference = new DateOnly(2025, 1, 1);
        Assert.All(
            Citizens.Where(c => c.Card is not null && c.BirthDate.AgeAt(reference) < 6),
            c => Assert.Equal("TE", c.Card!.GroupCode));
        Assert.Contains(Citizens, c => c.Card?.GroupCode == "HT");
    }

    [Fact]
    public void Some_citizens_are_uninsured_and_most_are_insured()
    {
        var uninsured = Citizens.Count(c => !c.IsInsured);
        Assert.InRange(uninsured, 1, Citizens.Count / 4);
    }

    [Fact]
    public void Some_old_citizens_have_unknown_birth_day_or_month_written_as_zeros()
    {
        var generator = new ProvinceGenerator(7, new ProvinceOptions { UnknownBirthDayShare = 1.0 });
        var partial = Enumerable.Range(0, 500).Select(i => generator.CitizenAt(i)).Where(c => !c.BirthDate.IsComplete).ToList();
        Assert.NotEmpty(partial);
        Assert.All(partial, c =>
        {
            Assert.True(c.BirthDate.Year < 1960);
            var text = c.BirthDate.ToYyyyMmDdHhMm();
            Assert.Equal(12, text.Length);
            Assert.EndsWith("0000", text);
            Assert.True(text.Substring(6, 2) == "00");
        });
    }

    [Fact]
    public void Names_have_family_middle_and_given_parts_matching_sex()
    {
        foreach (var c in Citizens)
        {
            var parts = c.FullName.Split(' ');
            Assert.Equal(3, parts.Length);
            Assert.Contains(parts[0], VietnameseNames.FamilyNames);
            Assert.Contains(parts[2], c.Sex == Sex.Female ? VietnameseNames.FemaleGivenNames : VietnameseNames.MaleGivenNames);
        }
    }

    [Fact]
    public void Residence_ethnicity_nationality_and_occupation_are_codes_with_fixed_widths()
    {
        foreach (var c in Citizens)
        {
            Assert.Equal("70", c.ProvinceCode);
            Assert.Matches("^[0-9]{3}$", c.DistrictCode);
            Assert.Matches("^[0-9]{5}$", c.CommuneCode);
            Assert.Equal("01", c.EthnicityCode);
            Assert.Equal("000", c.NationalityCode);
            Assert.Matches("^[0-9]{5}$", c.OccupationCode);
        }
    }

    [Fact]
    public void Citizens_can_live_in_real_communes_loaded_from_the_reference_file()
    {
        var units = AdministrativeUnit.LoadCsv(ReferenceFiles.AdministrativeUnitsCsv, "70");
        Assert.Equal(11, units.Select(u => u.DistrictCode).Distinct().Count());
        var province = new ProvinceGenerator(3, new ProvinceOptions { AdministrativeUnits = units, CitizenCount = 50 }).Generate();
        var communes = units.Select(u => u.CommuneCode).ToHashSet();
        Assert.All(province.Citizens, c => Assert.Contains(c.CommuneCode, communes));
        Assert.Equal(11, province.Facilities.Select(f => f.DistrictCode).Distinct().Count());
    }

    [GeneratedRegex("^[0-9]{12}$")]
    private static partial Regex TwelveDigits();

    [GeneratedRegex("^[A-Z]{2}[1-5][0-9]{2}[0-9]{10}$")]
    private static partial Regex CardNumber();
}
