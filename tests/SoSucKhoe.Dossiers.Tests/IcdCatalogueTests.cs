using SoSucKhoe.Dossiers.Catalogues;
using SoSucKhoe.Dossiers.Tests.Support;

namespace SoSucKhoe.Dossiers.Tests;

public sealed class IcdCatalogueTests
{
    [Fact]
    public void Loads_the_Ministry_catalogue()
    {
        Assert.True(ReferenceData.Icd.Count > 12_000);
    }

    [Theory]
    [InlineData("A00.0")]
    [InlineData("A000")]
    [InlineData("a00.0")]
    [InlineData(" J18.9 ")]
    [InlineData("J189")]
    [InlineData("A17.0†")]
    [InlineData("D63*")]
    [InlineData("E11")]
    public void Accepts_dotted_undotted_and_marked_codes(string code)
    {
        Assert.True(ReferenceData.Icd.Contains(code));
    }

    [Theory]
    [InlineData("J18.99")]
    [InlineData("Z99.99")]
    [InlineData("XYZ")]
    [InlineData("")]
    [InlineData(null)]
    public void Refuses_codes_not_in_the_catalogue(string? code)
    {
        Assert.False(ReferenceData.Icd.Contains(code));
    }

    [Fact]
    public void Gives_the_Vietnamese_name()
    {
        Assert.True(ReferenceData.Icd.TryGetName("A00", out var name));
        Assert.Equal("Bệnh tả", name);
        Assert.True(ReferenceData.Icd.TryGet("A000", out var entry));
        Assert.Equal("A00.0", entry.Code);
        Assert.Equal("A00-B99", entry.Chapter);
    }

    [Fact]
    public void Sex_specific_lists_match_codes_and_their_subcodes()
    {
        var lists = ReferenceData.SexRestrictions;
        Assert.True(lists.FemaleOnlyCount > 100);
        Assert.True(lists.MaleOnlyCount > 50);
        Assert.True(lists.IsFemaleOnly("C53.0"));
        Assert.True(lists.IsFemaleOnly("C52"));
        Assert.True(lists.IsMaleOnly("N40"));
        Assert.True(lists.IsMaleOnly("C61"));
        Assert.False(lists.IsMaleOnly("C53.0"));
        Assert.False(lists.IsFemaleOnly("J18.9"));
        Assert.False(lists.IsMaleOnly("J18.9"));
    }

    [Fact]
    public void Parent_code_listed_restricts_its_children()
    {
        var lists = IcdSexRestrictions.Parse(new StringReader("code_nodot,name_en\nO80,Delivery\n"), null);
        Assert.True(lists.IsFemaleOnly("O80.0"));
        Assert.True(lists.IsFemaleOnly("O80"));
        Assert.False(lists.IsFemaleOnly("O8"));
        Assert.False(lists.IsMaleOnly("O80"));
    }
}
