using System.Text;
using System.Text.Json;
using SoSucKhoe.Dossiers;

namespace SoSucKhoe.Book.Tests;

/// <summary>HIV/AIDS care data (XML6) must never enter the health book.</summary>
public sealed class Xml6ExclusionTests
{
    // Distinctive values that appear only in the XML6 table of the test dossier.
    private static readonly string[] Markers =
    [
        "HIVMARK-CARD-0001",
        "HIVMARK-ID-0002",
        "HIVMARK-ADDRESS-0003",
        "HIVMARK-REGIMEN-0004",
        "HIVMARK-NOTE-0005",
        "19030311",
        "HIVM1",
    ];

    [Fact]
    public void No_value_of_an_xml6_table_appears_anywhere_in_the_serialized_visit_or_administrative_projection()
    {
        var generated = Samples.Generate(VisitTypes.OutpatientTreatment, Samples.At(2025, 4, 2, 9, 30),
            new DossierOptions { DrugRows = 3, ServiceRows = 6, ReExamBooked = true, SummaryForEveryVisit = true });
        var withHiv = generated.WithExtraTable(TableCodes.Xml6, Xml6(generated.MaLk));
        var dossier = Samples.Read(withHiv);

        // The dossier really holds the XML6 data, so a projector that read it would leak the markers.
        var hivRow = Assert.Single(dossier.GetTable(TableCodes.Xml6)!.Rows);
        Assert.Equal("HIVMARK-REGIMEN-0004", hivRow["MA_PHAC_DO_DIEU_TRI_BD"]);
        Assert.Equal("HIVMARK-ADDRESS-0003", hivRow["DIA_CHI"]);

        var visit = BookProjector.ProjectVisit(dossier, Samples.Hash(withHiv), 1, ReferenceData.Icd10);
        var admin = BookProjector.ProjectAdministrative(dossier, $"{withHiv.FacilityCode}:{withHiv.MaLk}", Samples.At(2025, 4, 3));
        var book = HealthBookBuilder.Build([new BookEntry(visit, admin, false, Samples.At(2025, 4, 3))], new DateOnly(2025, 4, 3));
        var serialized = JsonSerializer.Serialize(new object[] { visit, admin, book });
        var html = EpisodeDocument.RenderHtml(visit);
        var text = EpisodeDocument.RenderText(visit);

        // The projections are not empty: they hold the other tables' data.
        Assert.NotEmpty(visit.Drugs);
        Assert.NotNull(visit.RecordSummary);
        Assert.NotNull(admin.FullName);
        foreach (var marker in Markers)
        {
            Assert.DoesNotContain(marker, serialized, StringComparison.Ordinal);
            Assert.DoesNotContain(marker, html, StringComparison.Ordinal);
            Assert.DoesNotContain(marker, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_projection_of_a_dossier_is_the_same_with_or_without_an_xml6_table()
    {
        var generated = Samples.Generate(VisitTypes.Inpatient, Samples.At(2025, 4, 2, 9, 30), new DossierOptions { DrugRows = 2, ServiceRows = 4 });
        var withHiv = generated.WithExtraTable(TableCodes.Xml6, Xml6(generated.MaLk));

        var plain = BookProjector.ProjectVisit(Samples.Read(generated), "h", 1, ReferenceData.Icd10);
        var hiv = BookProjector.ProjectVisit(Samples.Read(withHiv), "h", 1, ReferenceData.Icd10);
        var plainAdmin = BookProjector.ProjectAdministrative(Samples.Read(generated), "d", Samples.At(2025, 4, 3));
        var hivAdmin = BookProjector.ProjectAdministrative(Samples.Read(withHiv), "d", Samples.At(2025, 4, 3));

        Assert.Equal(JsonSerializer.Serialize(plain), JsonSerializer.Serialize(hiv));
        Assert.Equal(JsonSerializer.Serialize(plainAdmin), JsonSerializer.Serialize(hivAdmin));
    }

    private static byte[] Xml6(string maLk) => Encoding.UTF8.GetBytes(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>" +
        "<CHI_TIEU_HO_SO_BENH_AN_CHAM_SOC_VA_DIEU_TRI_HIV_AIDS><DSACH_HO_SO_BENH_AN_CHAM_SOC_VA_DIEU_TRI_HIV_AIDS>" +
        "<HO_SO_BENH_AN_CHAM_SOC_VA_DIEU_TRI_HIV_AIDS>" +
        $"<MA_LK>{maLk}</MA_LK>" +
        "<MA_THE_BHYT>HIVMARK-CARD-0001</MA_THE_BHYT>" +
        "<SO_CCCD>HIVMARK-ID-0002</SO_CCCD>" +
        "<NGAY_SINH>19030311</NGAY_SINH>" +
        "<DIA_CHI>HIVMARK-ADDRESS-0003</DIA_CHI>" +
        "<NGAYKD_HIV>19030311</NGAYKD_HIV>" +
        "<NOI_LAY_MAU_XN>HIVM1</NOI_LAY_MAU_XN>" +
        "<MA_PHAC_DO_DIEU_TRI_BD>HIVMARK-REGIMEN-0004</MA_PHAC_DO_DIEU_TRI_BD>" +
        "<GHI_CHU>HIVMARK-NOTE-0005</GHI_CHU>" +
        "</HO_SO_BENH_AN_CHAM_SOC_VA_DIEU_TRI_HIV_AIDS>" +
        "</DSACH_HO_SO_BENH_AN_CHAM_SOC_VA_DIEU_TRI_HIV_AIDS></CHI_TIEU_HO_SO_BENH_AN_CHAM_SOC_VA_DIEU_TRI_HIV_AIDS>");
}
