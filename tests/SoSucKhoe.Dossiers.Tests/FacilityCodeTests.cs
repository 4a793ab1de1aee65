using SoSucKhoe.Dossiers.Identifiers;

namespace SoSucKhoe.Dossiers.Tests;

public sealed class FacilityCodeTests
{
    [Fact]
    public void Five_characters_starting_with_the_province_code()
    {
        Assert.True(FacilityCode.TryParse("70001", out var code, out _));
        Assert.Equal("70", code.ProvinceCode);
        Assert.Equal("70001", code.ToString());
        Assert.Equal("75", FacilityCode.Parse("75A01").ProvinceCode);
    }

    [Theory]
    [InlineData("7000")]
    [InlineData("700011")]
    [InlineData("A0001")]
    [InlineData("70a01")]
    [InlineData("70-01")]
    public void Malformed_codes_are_refused(string text)
    {
        Assert.False(FacilityCode.TryParse(text, out _, out var reason));
        Assert.False(string.IsNullOrEmpty(reason));
    }
}
