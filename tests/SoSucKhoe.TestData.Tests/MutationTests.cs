namespace SoSucKhoe.TestData.Tests;

public sealed class MutationTests
{
    private static readonly Lazy<GeneratedDossier> Source = new(() =>
        new DossierFactory(Scenario.Seed).Create(Scenario.Insured, Scenario.Hospital, "03", Scenario.Arrival, new DossierOptions { DrugRows = 3, ServiceRows = 4 }));

    private static GeneratedDossier Dossier => Source.Value;

    private static bool Verifies(GeneratedDossier d) => DossierSigner.VerifyForTests(d.Signed, FacilityCertificates.For(Scenario.Hospital));

    [Fact]
    public void WithField_changes_exactly_that_field_and_re_signs()
    {
        var variant = Dossier.WithField("XML1", "NGAY_RA", "202401010000");
        Assert.Equal("202401010000", Documents.Value(Documents.Records("XML1", variant.InnerTables["XML1"])[0], "NGAY_RA"));
        Assert.True(Verifies(variant));
        foreach (var type in Dossier.TableTypes.Where(t => t != "XML1"))
        {
            Assert.Equal(Dossier.InnerTables[type], variant.InnerTables[type]);
        }

        var before = Documents.Records("XML1", Dossier.InnerTables["XML1"])[0].Elements().ToList();
        var after = Documents.Records("XML1", variant.InnerTables["XML1"])[0].Elements().ToList();
        Assert.Equal(before.Select(e => e.Name), after.Select(e => e.Name));
        Assert.Single(before.Zip(after), p => p.First.Value != p.Second.Value);
    }

    [Fact]
    public void WithField_without_re_signing_keeps_a_signature_that_no_longer_verifies()
    {
        var variant = Dossier.WithField("XML2", "DON_GIA", "1", resign: false);
        Assert.True(variant.IsSigned);
        Assert.False(Verifies(variant));
        Assert.All(Documents.Records("XML2", variant.InnerTables["XML2"]), r => Assert.Equal("1", Documents.Value(r, "DON_GIA")));
    }

    [Fact]
    public void An_unchanged_variant_without_re_signing_still_verifies()
    {
        var variant = Dossier.Mutate().Build(resign: false);
        Assert.Equal(Dossier.Signed, variant.Signed);
        Assert.True(Verifies(variant));
    }

    [Fact]
    public void WithField_on_one_row_leaves_other_rows_alone()
    {
        var variant = Dossier.Mutate().WithField("XML3", "MA_LK", "OTHER", row: 1).Build();
        var keys = Documents.Records("XML3", variant.InnerTables["XML3"]).Select(r => Documents.Value(r, "MA_LK")).ToList();
        Assert.Equal([Dossier.MaLk, "OTHER", Dossier.MaLk, Dossier.MaLk], keys);
    }

    [Fact]
    public void WithoutField_removes_the_element()
    {
        var variant = Dossier.WithoutField("XML1", "MA_BENH_CHINH");
        Assert.Null(Documents.Records("XML1", variant.InnerTables["XML1"])[0].Element("MA_BENH_CHINH"));
        Assert.True(Verifies(variant));
    }

    [Fact]
    public void WithField_adds_a_missing_element()
    {
        var variant = Dossier.Mutate().WithoutField("XML1", "MA_CSKCB").WithField("XML1", "MA_CSKCB", "70999").Build();
        Assert.Equal("70999", Documents.Value(Documents.Records("XML1", variant.InnerTables["XML1"])[0], "MA_CSKCB"));
    }

    [Fact]
    public void WithoutTable_removes_the_FILEHOSO()
    {
        var variant = Dossier.WithoutTable("XML1");
        Assert.DoesNotContain("XML1", variant.TableTypes);
        Assert.DoesNotContain("XML1", Documents.EnvelopeTables(variant.Signed).Select(t => t.Type));
        Assert.True(Verifies(variant));
    }

    [Fact]
    public void WithExtraTable_appends_XML12_or_a_duplicate()
    {
        var withXml12 = Dossier.WithExtraTable("XML12");
        Assert.Equal("XML12", withXml12.TableTypes[^1]);
        Assert.Contains(Dossier.MaLk, Encoding.UTF8.GetString(withXml12.InnerTables["XML12"]));

        var duplicate = Dossier.WithExtraTable("XML1");
        Assert.Equal(2, Documents.EnvelopeTables(duplicate.Signed).Count(t => t.Type == "XML1"));
        Assert.True(Verifies(duplicate));
    }

    [Fact]
    public void Envelope_header_can_disagree_with_the_tables()
    {
        var variant = Dossier.Mutate().WithEnvelope(maCskcb: "70999").Build();
        var root = Documents.Parse(variant.Signed).Root!;
        Assert.Equal("70999", root.Element("THONGTINDONVI")!.Element("MACSKCB")!.Value);
        Assert.Equal(Dossier.FacilityCode, Documents.Value(Documents.Records("XML1", variant.InnerTables["XML1"])[0], "MA_CSKCB"));

        var noDate = Dossier.Mutate().WithEnvelope(maCskcb: Dossier.FacilityCode, soLuongHoSo: "1", removeUnset: true).Build();
        Assert.Null(Documents.Parse(noDate.Signed).Root!.Element("THONGTINHOSO")!.Element("NGAYLAP"));
    }

    [Fact]
    public void A_variant_can_be_signed_with_another_certificate()
    {
        var other = FacilityCertificates.For(Scenario.CommuneStation);
        var variant = Dossier.Mutate().SignedWith(other).Build();
        Assert.False(Verifies(variant));
        Assert.True(DossierSigner.VerifyForTests(variant.Signed, other));
    }

    [Fact]
    public void Mutating_a_missing_table_is_an_error()
    {
        Assert.Throws<InvalidOperationException>(() => Dossier.WithField("XML13", "MA_LK", "x"));
        Assert.Throws<InvalidOperationException>(() => Dossier.WithoutTable("XML9"));
    }
}
