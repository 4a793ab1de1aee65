using SoSucKhoe.Dossiers.Catalogues;
using SoSucKhoe.Dossiers.Model;
using SoSucKhoe.Dossiers.Reading;
using SoSucKhoe.Dossiers.Tests.Support;
using SoSucKhoe.Dossiers.Validation;

namespace SoSucKhoe.Dossiers.Tests;

/// <summary>
/// A dossier is checked against the data standard, code lists and administrative units in force on its episode's days, with the
/// product's shipped catalogues: QĐ 4750 for episodes that ended before 01/01/2025, QĐ 3176 from then on; the 63-province list
/// until 30/06/2025, the 34-province list without districts from 01/07/2025.
/// </summary>
public sealed class StandardsByDateTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 8, 12, 0, 0, TimeSpan.FromHours(7));

    private static readonly DossierValidator Validator = Support.Validation.ShippedValidator();

    [Fact]
    public void The_standard_of_an_episode_is_the_one_in_force_on_the_day_it_ended()
    {
        var standards = ShippedCatalogues.Standards;

        Assert.Equal("4750", standards.For(new DateOnly(2024, 12, 31)).Id);
        Assert.Equal("3176", standards.For(new DateOnly(2025, 1, 1)).Id);
        Assert.Equal("3176", standards.For(new DateOnly(2026, 12, 8)).Id);
        Assert.Equal("4750", standards.For(new DateOnly(2019, 1, 1)).Id);
    }

    [Fact]
    public void The_QD_3176_list_is_read_as_an_amendment_of_the_QD_4750_tables()
    {
        var qd3176 = ShippedCatalogues.Standards.Find("3176")!.Fields;
        var qd4750 = ShippedCatalogues.Standards.Find("4750")!.Fields;

        Assert.True(qd3176.TryGetRule("XML13", "MA_CSKCB_DI", out var from));
        Assert.Equal(("MA_NOI_DI", 100), (from.RenamedFrom, from.MaxLength));
        Assert.True(qd3176.TryGetRule("XML13", "TINH_TRANG_CT", out var condition));
        Assert.Equal("PP_DIEU_TRI", condition.RenamedFrom);
        Assert.False(qd3176.TryGetRule("XML13", "MA_NOI_DI", out _));
        Assert.False(qd3176.TryGetRule("XML13", "TEN_DICH_VU", out _));
        Assert.False(qd3176.TryGetRule("XML13", "TEN_THUOC", out _));
        Assert.True(qd3176.TryGetRule("XML1", "MA_NGHE_NGHIEP", out var occupation));
        Assert.Equal(2, occupation.MaxLength);
        Assert.True(qd3176.TryGetRule("XML14", "NGAY_HEN_KL", out var appointment));
        Assert.Equal(VnDateFormats.Date8, appointment.DateFormats);
        Assert.True(qd3176.TryGetRule("XML1", "MA_TTDV", out var head));
        Assert.Equal((FieldType.String, 255), (head.Type, head.MaxLength));
        // A size the annex prints without a 3176 change never narrows the field (NHOM_MAU 10, not the annex's 5)...
        Assert.True(qd3176.TryGetRule("XML1", "NHOM_MAU", out var blood));
        Assert.Equal(10, blood.MaxLength);
        // ...and a date keeps the length its format fixes (the annex prints 100 for XML13 NGAY_VAO).
        Assert.True(qd3176.TryGetRule("XML13", "NGAY_VAO", out var admitted));
        Assert.Equal(VnDateFormats.DateTime12, admitted.DateFormats);
        // Required flags come from QĐ 4750, except where the new wording allows a blank (a commune without a code yet).
        Assert.True(qd3176.TryGetRule("XML1", "MA_BENH_CHINH", out var main) && main.Required);
        Assert.True(qd3176.TryGetRule("XML1", "MAXA_CU_TRU", out var commune));
        Assert.False(commune.Required);
        // The annex has no check-in table: XML0 stays as QĐ 4750 has it.
        Assert.Equal(qd4750.GetTableRules("XML0"), qd3176.GetTableRules("XML0"));
    }

    [Fact]
    public void A_dossier_of_2026_is_checked_against_QD_3176_and_passes()
    {
        var check = Check(Outpatient2026());

        Assert.Equal("3176", check.Standard.Id);
        Assert.Equal(new DateOnly(2026, 3, 10), check.EpisodeDay);
        Assert.Empty(check.Violations);
    }

    [Fact]
    public void A_correction_of_a_2024_episode_is_checked_against_QD_4750_and_passes()
    {
        var check = Check(Fixtures.Outpatient(Dated(Fixtures.Xml1(), "202412")));

        Assert.Equal("4750", check.Standard.Id);
        Assert.Empty(check.Violations);
    }

    [Fact]
    public void A_QD_4750_XML13_in_a_2026_episode_is_refused_naming_each_field()
    {
        var dossier = Outpatient2026(x => x["MA_LOAI_RV"] = "2")
            .Table("XML13", TableXml.Single("XML13", Dated(Fixtures.Xml13(), "202603")));

        var violations = Check(dossier).Violations;

        var renamed = Assert.Single(violations, v => v.Field == "MA_NOI_DI");
        Assert.Equal(("XML13", ViolationRules.StandardMismatch), (renamed.Table, renamed.Rule));
        Assert.Contains("MA_NOI_DI is the QĐ 4750 name; from 01/01/2025 XML13 carries MA_CSKCB_DI", renamed.Message, StringComparison.Ordinal);
        Assert.Contains(violations, v => (v.Table, v.Field, v.Rule) == ("XML13", "MA_NOI_DEN", ViolationRules.StandardMismatch));
        Assert.Contains(violations, v => (v.Table, v.Field, v.Rule) == ("XML13", "TEN_DICH_VU", ViolationRules.StandardMismatch)
            && v.Message.Contains("QĐ 3176 removed it", StringComparison.Ordinal));
    }

    [Fact]
    public void The_same_transfer_written_to_QD_3176_passes()
    {
        var xml13 = Dated(Fixtures.Xml13(), "202603").Remove("TEN_DICH_VU").Remove("MA_NOI_DI").Remove("MA_NOI_DEN")
            .With("MA_CSKCB_DI", "70001;70002").With("MA_CSKCB_DEN", "79001").With("TINH_TRANG_CT", "Tỉnh, sinh hiệu ổn định");
        var dossier = Outpatient2026(x => x["MA_LOAI_RV"] = "2").Table("XML13", TableXml.Single("XML13", xml13));

        Assert.Empty(Check(dossier).Violations);
    }

    [Fact]
    public void A_QD_3176_XML13_in_a_2024_episode_is_refused_naming_the_field()
    {
        var xml13 = Dated(Fixtures.Xml13(), "202412").With("MA_CSKCB_DI", "70001");
        var dossier = Fixtures.Outpatient(Dated(Fixtures.Xml1(), "202412").With("MA_LOAI_RV", "2"))
            .Table("XML13", TableXml.Single("XML13", xml13));

        var mismatch = Assert.Single(Check(dossier).Violations);
        Assert.Equal(("XML13", "MA_CSKCB_DI", ViolationRules.StandardMismatch), (mismatch.Table, mismatch.Field, mismatch.Rule));
        Assert.Contains("whose XML13 carries MA_NOI_DI", mismatch.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("202412", "70", "689", "25195")]
    [InlineData("202603", "75", "", "25195")]
    [InlineData("202603", "75", "689", "25195")]
    public void Residence_codes_of_the_list_in_force_are_accepted(string month, string province, string district, string commune)
    {
        var xml1 = Dated(Fixtures.Xml1(), month).With("MATINH_CU_TRU", province).With("MAHUYEN_CU_TRU", district).With("MAXA_CU_TRU", commune);
        if (month == "202603")
        {
            xml1["MA_NGHE_NGHIEP"] = "00";
        }

        Assert.Empty(Check(Fixtures.Outpatient(xml1)).Violations);
    }

    [Theory]
    [InlineData("202412", "75", "689", "25195", "MAHUYEN_CU_TRU")]
    [InlineData("202412", "70", "", "25195", "MAHUYEN_CU_TRU")]
    [InlineData("202603", "70", "689", "25195", "MATINH_CU_TRU")]
    [InlineData("202603", "75", "999", "25195", "MAHUYEN_CU_TRU")]
    [InlineData("202603", "75", "", "25207", "MAXA_CU_TRU")]
    [InlineData("202603", "75", "", "00004", "MAXA_CU_TRU")]
    public void Residence_codes_of_the_other_list_are_refused(string month, string province, string district, string commune, string field)
    {
        var xml1 = Dated(Fixtures.Xml1(), month).With("MATINH_CU_TRU", province).With("MAHUYEN_CU_TRU", district).With("MAXA_CU_TRU", commune);
        if (month == "202603")
        {
            xml1["MA_NGHE_NGHIEP"] = "00";
        }

        var violation = Assert.Single(Check(Fixtures.Outpatient(xml1)).Violations);

        Assert.Equal(("XML1", field), (violation.Table, violation.Field));
        // Before the reform the district is required; after it, blank is accepted but a made-up district is not.
        Assert.Equal(field == "MAHUYEN_CU_TRU" && district.Length == 0 ? ViolationRules.Required : ViolationRules.AdministrativeUnit, violation.Rule);
    }

    [Fact]
    public void A_stay_across_the_reform_accepts_the_codes_of_either_list()
    {
        var before = Fixtures.Xml1().With("NGAY_VAO", "202506280800").With("NGAY_RA", "202507021000").With("NGAY_TTOAN", "202507021015")
            .With("MA_NGHE_NGHIEP", "00");
        var after = Fixtures.Xml1().With("NGAY_VAO", "202506280800").With("NGAY_RA", "202507021000").With("NGAY_TTOAN", "202507021015")
            .With("MA_NGHE_NGHIEP", "00").With("MATINH_CU_TRU", "75").With("MAHUYEN_CU_TRU", "").With("MAXA_CU_TRU", "25195");

        Assert.Empty(Check(Fixtures.Outpatient(before)).Violations);
        Assert.Empty(Check(Fixtures.Outpatient(after)).Violations);
    }

    [Fact]
    public void A_visit_subject_code_missing_from_the_incomplete_QD_3276_list_is_a_notice_not_a_refusal()
    {
        var unknown = Check(Outpatient2026(x => x["MA_DOITUONG_KCB"] = "7.1"));
        var known = Check(Outpatient2026(x => x["MA_DOITUONG_KCB"] = "1.18"));

        Assert.Empty(unknown.Violations);
        var notice = Assert.Single(unknown.Notices);
        Assert.Equal(("XML1", "MA_DOITUONG_KCB", ViolationRules.CodeListIncomplete), (notice.Table, notice.Field, notice.Rule));
        Assert.Contains("QĐ 3276", notice.Message, StringComparison.Ordinal);
        Assert.Empty(known.Notices);
    }

    [Fact]
    public void A_four_character_benefit_level_is_accepted_from_1_July_2026_only()
    {
        EnvelopeBuilder Dossier(string month) => Fixtures.Outpatient(Dated(Fixtures.Xml1(), month).With("MA_NGHE_NGHIEP", "00")
                .With("MATINH_CU_TRU", "75").With("MAHUYEN_CU_TRU", "").With("MAXA_CU_TRU", "25195"))
            .Replace("XML2", TableXml.List("XML2", [Dated(Fixtures.Xml2Row(1), month).With("MUC_HUONG", "47.5"), Dated(Fixtures.Xml2Row(2), month)]));

        var march = Assert.Single(Check(Dossier("202603")).Violations);
        Assert.Empty(Check(Dossier("202608")).Violations);
        Assert.Equal(("XML2", "CHI_TIET_THUOC[1].MUC_HUONG", ViolationRules.MaxLength), (march.Table, march.Field, march.Rule));
    }

    [Fact]
    public void A_re_exam_day_written_with_a_time_is_refused_under_QD_3176()
    {
        var xml14 = Dated(Fixtures.Xml14(), "202603").With("NGAY_HEN_KL", "202603170800");
        var dossier = Outpatient2026(x => x["NGAY_TAI_KHAM"] = "20260317").Table("XML14", TableXml.Single("XML14", xml14));

        var violation = Assert.Single(Check(dossier).Violations);

        Assert.Equal(("XML14", "NGAY_HEN_KL", ViolationRules.DateFormat), (violation.Table, violation.Field, violation.Rule));
        Assert.Empty(Check(Outpatient2026(x => x["NGAY_TAI_KHAM"] = "20260317")
            .Table("XML14", TableXml.Single("XML14", xml14.With("NGAY_HEN_KL", "20260317")))).Violations);
    }

    [Fact]
    public void A_check_in_takes_the_standard_of_its_arrival_day()
    {
        var read = DossierReader.ReadCheckIn(Fixtures.CheckIn(Dated(Fixtures.CheckInRow(1), "202603")));

        var check = Validator.Check(read.Document!, Now);

        Assert.Equal("3176", check.Standard.Id);
        Assert.Empty(check.Violations);
    }

    private static DossierCheck Check(EnvelopeBuilder builder)
    {
        var read = DossierReader.ReadDossier(builder.Build(), DossierReaderOptions.Default);
        Assert.NotNull(read.Dossier);
        return Validator.Check(read.Dossier, Now);
    }

    /// <summary>The outpatient fixture moved to March 2026 and written to QĐ 3176, living in today's Đồng Nai.</summary>
    private static EnvelopeBuilder Outpatient2026(Action<FieldList>? change = null)
    {
        var xml1 = Dated(Fixtures.Xml1(), "202603").With("MA_NGHE_NGHIEP", "00")
            .With("MATINH_CU_TRU", "75").With("MAHUYEN_CU_TRU", "").With("MAXA_CU_TRU", "25195");
        change?.Invoke(xml1);
        return new EnvelopeBuilder()
            .Table("XML1", TableXml.Single("XML1", xml1))
            .Table("XML2", TableXml.List("XML2", [Dated(Fixtures.Xml2Row(1), "202603"), Dated(Fixtures.Xml2Row(2), "202603")]))
            .Table("XML3", TableXml.List("XML3", [Dated(Fixtures.Xml3Row(1), "202603")]));
    }

    /// <summary>The record with its March 2025 dates (and card year) moved to <paramref name="month"/> ("yyyyMM").</summary>
    private static FieldList Dated(FieldList record, string month)
    {
        var moved = new FieldList();
        foreach (var (name, value) in record)
        {
            moved[name] = value.StartsWith("202503", StringComparison.Ordinal) ? month + value[6..]
                : value is "20250101" or "20251231" or "2025" ? month[..4] + value[4..]
                : value;
        }

        return moved;
    }
}
