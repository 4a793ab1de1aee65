using SoSucKhoe.Dossiers.Identifiers;

namespace SoSucKhoe.Dossiers.Tests;

public sealed class IdentityDocumentNumberTests
{
    [Fact]
    public void Twelve_digits_are_a_personal_id()
    {
        Assert.True(IdentityDocumentNumber.TryParse("070095001234", out var doc, out _));
        Assert.Equal(IdentityDocumentKind.PersonalId, doc.Kind);
        Assert.Equal(1995, doc.PersonalId!.Value.BirthYear);
        Assert.Equal("0700******34", doc.Masked);
    }

    [Fact]
    public void Nine_digits_are_an_old_identity_card()
    {
        Assert.True(IdentityDocumentNumber.TryParse("285123456", out var doc, out _));
        Assert.Equal(IdentityDocumentKind.OldIdentityCard, doc.Kind);
        Assert.Null(doc.PersonalId);
    }

    [Fact]
    public void One_capital_letter_and_seven_digits_are_a_passport()
    {
        Assert.True(IdentityDocumentNumber.TryParse("B1234567", out var doc, out _));
        Assert.Equal(IdentityDocumentKind.Passport, doc.Kind);
        Assert.Equal("B*****67", doc.Masked);
    }

    [Theory]
    [InlineData("VNEID12345")]
    [InlineData("b1234567")]
    [InlineData("AB1234567890123")]
    public void Other_alphanumerics_up_to_fifteen_are_accepted_as_other(string text)
    {
        Assert.True(IdentityDocumentNumber.TryParse(text, out var doc, out _));
        Assert.Equal(IdentityDocumentKind.Other, doc.Kind);
    }

    [Theory]
    [InlineData("1234567890")]
    [InlineData("12345")]
    [InlineData("AB12345678901234")]
    [InlineData("0700-95001234")]
    [InlineData(" ")]
    public void Numeric_values_of_other_lengths_punctuation_and_overlong_values_are_refused(string text)
    {
        Assert.False(IdentityDocumentNumber.TryParse(text, out _, out var reason));
        Assert.False(string.IsNullOrEmpty(reason));
    }
}
