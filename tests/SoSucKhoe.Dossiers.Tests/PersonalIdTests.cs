using SoSucKhoe.Dossiers.Identifiers;

namespace SoSucKhoe.Dossiers.Tests;

public sealed class PersonalIdTests
{
    [Fact]
    public void Decodes_province_century_year_and_sex()
    {
        Assert.True(PersonalId.TryParse("070095001234", out var id, out var reason));
        Assert.Null(reason);
        Assert.Equal("070", id.ProvinceCode);
        Assert.Equal(1900, id.Century);
        Assert.Equal(1995, id.BirthYear);
        Assert.Equal(Sex.Male, id.Sex);
    }

    [Theory]
    [InlineData('0', 1900, Sex.Male)]
    [InlineData('1', 1900, Sex.Female)]
    [InlineData('2', 2000, Sex.Male)]
    [InlineData('3', 2000, Sex.Female)]
    [InlineData('4', 2100, Sex.Male)]
    [InlineData('5', 2100, Sex.Female)]
    [InlineData('6', 2200, Sex.Male)]
    [InlineData('7', 2200, Sex.Female)]
    [InlineData('8', 1800, Sex.Male)]
    [InlineData('9', 1800, Sex.Female)]
    public void Century_and_sex_digit_follows_the_circular(char digit, int century, Sex sex)
    {
        Assert.True(PersonalId.TryParse($"070{digit}07123456", out var id, out _));
        Assert.Equal(century, id.Century);
        Assert.Equal(century + 7, id.BirthYear);
        Assert.Equal(sex, id.Sex);
    }

    [Theory]
    [InlineData("07009500123")]
    [InlineData("0700950012345")]
    [InlineData("07009500123A")]
    [InlineData("070 95001234")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_but_twelve_digits_is_refused_with_a_reason(string? text)
    {
        Assert.False(PersonalId.TryParse(text, out _, out var reason));
        Assert.False(string.IsNullOrEmpty(reason));
    }

    [Fact]
    public void No_check_digit_is_invented_any_twelve_digits_are_structurally_valid()
    {
        Assert.True(PersonalId.TryParse("070095001234", out _, out _));
        Assert.True(PersonalId.TryParse("070095001235", out _, out _));
    }

    [Fact]
    public void Masked_rendering_keeps_four_leading_and_two_trailing_digits()
    {
        var id = PersonalId.Parse("070245001245");
        Assert.Equal("0702******45", id.Masked);
        Assert.Equal("0702******45", id.ToString());
        Assert.DoesNotContain("001245", $"{id}");
    }
}
