using SoSucKhoe.Dossiers.Model;

namespace SoSucKhoe.Dossiers.Tests;

public sealed class MultiValueTests
{
    [Fact]
    public void Values_are_split_on_semicolons_trimmed_and_empty_ones_dropped()
    {
        Assert.Equal(["J06.9", "R50.9", "I10"], MultiValue.Split(" J06.9; R50.9;;I10 ;"));
        Assert.Equal(3, MultiValue.Count(" J06.9; R50.9;;I10 ;"));
    }

    [Fact]
    public void A_single_value_keeps_leading_zeros()
    {
        Assert.Equal(["01"], MultiValue.Split("01"));
    }

    [Fact]
    public void Blank_or_absent_field_has_no_value()
    {
        Assert.Empty(MultiValue.Split(null));
        Assert.Empty(MultiValue.Split("  "));
        Assert.Equal(0, MultiValue.Count(""));
    }
}
