using SoSucKhoe.Dossiers.Catalogues;
using SoSucKhoe.Dossiers.Model;
using SoSucKhoe.Dossiers.Tests.Support;

namespace SoSucKhoe.Dossiers.Tests;

public sealed class FieldRuleCatalogueTests
{
    private static FieldRuleCatalogue Catalogue => ReferenceData.Fields;

    [Fact]
    public void Loads_every_table_of_the_reference_file()
    {
        foreach (var table in new[] { "XML0", "XML1", "XML2", "XML3", "XML4", "XML5", "XML6", "XML7", "XML8", "XML9", "XML10", "XML11", "XML12", "XML13", "XML14", "XML15" })
        {
            Assert.NotEmpty(Catalogue.GetTableRules(table));
        }

        Assert.True(Catalogue.Count > 400);
    }

    [Fact]
    public void Plain_yes_is_required_and_conditional_sentences_are_kept_apart()
    {
        Assert.True(Catalogue.TryGetRule("XML1", "MA_LK", out var maLk));
        Assert.True(maLk.Required);
        Assert.Equal(100, maLk.MaxLength);

        Assert.True(Catalogue.TryGetRule("XML0", "LY_DO_VNT", out var lyDo));
        Assert.False(lyDo.Required);
        Assert.Contains("NGAY_VAO_NOI_TRU", lyDo.RequiredCondition);
    }

    [Fact]
    public void Unbounded_length_n_has_no_maximum()
    {
        Assert.True(Catalogue.TryGetRule("XML1", "MA_THE_BHYT", out var card));
        Assert.Null(card.MaxLength);
    }

    [Fact]
    public void Date_fields_get_their_formats_from_length_and_official_text()
    {
        Assert.True(Catalogue.TryGetRule("XML1", "NGAY_VAO", out var ngayVao));
        Assert.Equal(VnDateFormats.DateTime12, ngayVao.DateFormats);
        Assert.Equal(FieldType.String, ngayVao.Type);

        Assert.True(Catalogue.TryGetRule("XML1", "GT_THE_TU", out var gtTheTu));
        Assert.Equal(VnDateFormats.Date8, gtTheTu.DateFormats);
        Assert.True(gtTheTu.MultipleDates);

        Assert.True(Catalogue.TryGetRule("XML1", "NGAY_MIEN_CCT", out var mienCct));
        Assert.Equal(VnDateFormats.Any, mienCct.DateFormats);

        Assert.True(Catalogue.TryGetRule("XML1", "NGAY_SINH", out var ngaySinh));
        Assert.True(ngaySinh.IsBirthDate);
        Assert.Equal(VnDateFormats.DateTime12, ngaySinh.DateFormats);

        Assert.True(Catalogue.TryGetRule("XML7", "NGAY_CT", out var ngayCt));
        Assert.Equal(VnDateFormats.Date8, ngayCt.DateFormats);

        Assert.True(Catalogue.TryGetRule("XML1", "SO_NGAY_DTRI", out var soNgay));
        Assert.False(soNgay.IsDate);
        Assert.True(Catalogue.TryGetRule("XML1", "MA_LOAI_KCB", out var loai));
        Assert.False(loai.IsDate);
    }

    [Fact]
    public void When_a_field_appears_twice_the_later_row_wins()
    {
        const string csv = """
            table,seq,field,type,max_len,required,description_vi,validation_note_vi,amendment_4750_vi
            XML1,1,MA_LK,string,100,yes,old,,
            XML1,2,MA_BN,string,100,yes,,,
            XML1,1,MA_LK,string,250,,new,,"Sửa đổi, bổ sung"
            """;
        var catalogue = FieldRuleCatalogue.Parse(new StringReader(csv));
        Assert.True(catalogue.TryGetRule("XML1", "MA_LK", out var rule));
        Assert.Equal(250, rule.MaxLength);
        Assert.False(rule.Required);
        Assert.Equal("Sửa đổi, bổ sung", rule.AmendmentVi);
        Assert.Equal(["MA_LK", "MA_BN"], catalogue.GetTableRules("XML1").Select(r => r.Field));
    }

    [Fact]
    public void Unknown_table_has_no_rules()
    {
        Assert.Empty(Catalogue.GetTableRules("XML99"));
        Assert.False(Catalogue.TryGetRule("XML1", "NOT_A_FIELD", out _));
    }
}
