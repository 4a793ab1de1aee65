using SoSucKhoe.Dossiers.Identifiers;

namespace SoSucKhoe.Dossiers.Tests;

public sealed class InsuranceCardNumberTests
{
    [Fact]
    public void Fifteen_character_card_exposes_group_level_province_and_social_insurance_number()
    {
        Assert.True(InsuranceCardNumber.TryParse("DN4700123456789", out var card, out _));
        Assert.False(card.IsShortForm);
        Assert.Equal("DN", card.Group);
        Assert.Equal(4, card.BenefitLevel);
        Assert.Equal("70", card.ProvinceCode);
        Assert.Equal("0123456789", card.SocialInsuranceNumber);
    }

    [Fact]
    public void Ten_digit_card_is_the_short_form()
    {
        Assert.True(InsuranceCardNumber.TryParse("0123456789", out var card, out _));
        Assert.True(card.IsShortForm);
        Assert.Null(card.Group);
        Assert.Null(card.BenefitLevel);
        Assert.Null(card.ProvinceCode);
        Assert.Equal("0123456789", card.SocialInsuranceNumber);
    }

    [Theory]
    [InlineData("DN0700123456789")]
    [InlineData("DN6700123456789")]
    [InlineData("dn4700123456789")]
    [InlineData("D14700123456789")]
    [InlineData("DN47001234567AB")]
    [InlineData("DN470012345678")]
    [InlineData("012345678A")]
    [InlineData("")]
    public void Malformed_cards_are_refused_with_a_reason(string text)
    {
        Assert.False(InsuranceCardNumber.TryParse(text, out _, out var reason));
        Assert.False(string.IsNullOrEmpty(reason));
    }

    [Fact]
    public void Masked_rendering_hides_the_social_insurance_number()
    {
        Assert.True(InsuranceCardNumber.TryParse("DN4700123456789", out var card, out _));
        Assert.Equal("DN470********89", card.Masked);
        Assert.Equal(card.Masked, card.ToString());
        Assert.True(InsuranceCardNumber.TryParse("0123456789", out var shortCard, out _));
        Assert.Equal("********89", shortCard.Masked);
    }
}
