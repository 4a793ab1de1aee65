using SoSucKhoe.Dossiers.Catalogues;
using SoSucKhoe.Dossiers.Reading;
using SoSucKhoe.Dossiers.Tests.Support;
using SoSucKhoe.Dossiers.Validation;
using static SoSucKhoe.Dossiers.Tests.Support.Validation;

namespace SoSucKhoe.Dossiers.Tests;

public sealed class DossierValidatorTests
{
    [Fact]
    public void Valid_outpatient_dossier_has_no_violation() => Assert.Empty(Validate(Fixtures.Outpatient()));

    [Fact]
    public void Valid_inpatient_dossier_has_no_violation() => Assert.Empty(Validate(Fixtures.Inpatient()));

    [Fact]
    public void Valid_dossier_with_every_table_has_no_violation()
    {
        var builder = Fixtures.Inpatient(Fixtures.Xml1Inpatient().With("MA_LOAI_RV", "2"))
            .Without("XML7")
            .Table("XML4", TableXml.List("XML4", [Fixtures.Xml4Row(1)]))
            .Table("XML5", TableXml.List("XML5", [Fixtures.Xml5Row(1)]))
            .Table("XML6", TableXml.List("XML6", [Fixtures.Xml6Row()]))
            .Table("XML9", TableXml.List("XML9", [Fixtures.Xml9Row()]))
            .Table("XML10", TableXml.Single("XML10", Fixtures.Xml10()))
            .Table("XML11", TableXml.Single("XML11", Fixtures.Xml11()))
            .Table("XML13", TableXml.Single("XML13", Fixtures.Xml13()))
            .Table("XML14", TableXml.Single("XML14", Fixtures.Xml14()))
            .Table("XML15", TableXml.List("XML15", [Fixtures.Xml15Row()]));
        Assert.Empty(Validate(builder));
    }

    [Fact]
    public void Read_violations_come_first_in_the_result()
    {
        var violations = Validate(Fixtures.Outpatient().Table("XML12", "<X/>"));
        AssertOnly(violations, "XML12", "LOAIHOSO", "table_forbidden");
    }

    // required

    [Fact]
    public void Required_field_missing_in_XML1()
    {
        AssertOnly(ValidateOutpatient(x => x.Remove("MA_BN")), "XML1", "MA_BN", "required");
        AssertOnly(ValidateOutpatient(x => x["MA_HSBA"] = ""), "XML1", "MA_HSBA", "required");
    }

    [Fact]
    public void Required_field_missing_in_a_list_row_names_the_row()
    {
        var builder = Fixtures.Outpatient().Replace("XML2", TableXml.List("XML2", [Fixtures.Xml2Row(1), Fixtures.Xml2Row(2).Remove("MA_THUOC")]));
        AssertOnly(Validate(builder), "XML2", "CHI_TIET_THUOC[2].MA_THUOC", "required");
    }

    [Fact]
    public void Optional_field_may_be_absent() => Assert.Empty(ValidateOutpatient(x => x.Remove("DIEN_THOAI").Remove("MA_BENH_KT")));

    [Fact]
    public void LY_DO_VNT_is_required_when_NGAY_VAO_NOI_TRU_is_present()
    {
        AssertOnly(Validate(Fixtures.Inpatient(Fixtures.Xml1Inpatient().Remove("LY_DO_VNT"))), "XML1", "LY_DO_VNT", "required");
        Assert.Empty(ValidateOutpatient(x => x.Remove("LY_DO_VNT")));
    }

    [Fact]
    public void Conditional_requirements_of_list_tables()
    {
        var fuel = Fixtures.Xml3Row(1).With("MA_NHOM", "12");
        AssertOnly(Validate(Fixtures.Outpatient().Replace("XML3", TableXml.List("XML3", [fuel]))), "XML3", "CHI_TIET_DVKT[1].MA_XANG_DAU", "required");

        var resultWithoutDate = Fixtures.Xml4Row(1).Remove("NGAY_KQ");
        AssertOnly(Validate(Fixtures.Outpatient().Replace("XML4", TableXml.List("XML4", [resultWithoutDate]))), "XML4", "CHI_TIET_CLS[1].NGAY_KQ", "required");

        var noValue = Fixtures.Xml4Row(1).Remove("NGAY_KQ").Remove("GIA_TRI");
        Assert.Empty(Validate(Fixtures.Outpatient().Replace("XML4", TableXml.List("XML4", [noValue]))));
    }

    [Fact]
    public void Bidding_information_is_required_for_drugs_except_groups_7_and_17()
    {
        AssertOnly(Validate(Fixtures.Outpatient().Replace("XML2", TableXml.List("XML2", [Fixtures.Xml2Row(1).Remove("TT_THAU")]))), "XML2", "CHI_TIET_THUOC[1].TT_THAU", "required");
        Assert.Empty(Validate(Fixtures.Outpatient().Replace("XML2", TableXml.List("XML2", [Fixtures.Xml2Row(1).Remove("TT_THAU").With("MA_NHOM", "7")]))));
    }

    // max_length, number_format, date_format

    [Fact]
    public void Value_longer_than_the_catalogue_maximum()
    {
        AssertOnly(ValidateOutpatient(x => x["MA_KHOA"] = new string('K', 51)), "XML1", "MA_KHOA", "max_length");
        Assert.Empty(ValidateOutpatient(x => x["MA_KHOA"] = new string('K', 50)));
    }

    [Fact]
    public void Unbounded_n_fields_have_no_maximum() => Assert.Empty(ValidateOutpatient(x => x["CHAN_DOAN_RV"] = new string('x', 20_000)));

    [Theory]
    [InlineData("12a")]
    [InlineData("1,5")]
    [InlineData("1.")]
    [InlineData(".5")]
    [InlineData("--1")]
    public void Number_field_with_other_characters(string value) =>
        AssertOnly(ValidateOutpatient(x => x["T_THUOC"] = value), "XML1", "T_THUOC", "number_format");

    [Theory]
    [InlineData("125000.50")]
    [InlineData("-1000")]
    [InlineData("0")]
    public void Number_field_accepts_decimals_and_sign(string value) => Assert.Empty(ValidateOutpatient(x => x["T_THUOC"] = value));

    [Theory]
    [InlineData("2025031008")]
    [InlineData("20250310")]
    [InlineData("202502300800")]
    [InlineData("202503102500")]
    [InlineData("202503100000x")]
    public void Date_field_in_the_wrong_format(string value) =>
        AssertOnly(ValidateOutpatient(x => x["NGAY_VAO"] = value), "XML1", "NGAY_VAO", "date_format");

    [Fact]
    public void Zero_parts_are_allowed_only_in_NGAY_SINH()
    {
        Assert.Empty(ValidateOutpatient(x => x["NGAY_SINH"] = "199500000000"));
        AssertOnly(ValidateOutpatient(x => x["NGAY_RA"] = "202503001000"), "XML1", "NGAY_RA", "date_format");
    }

    [Fact]
    public void NGAY_SINH_of_XML1_must_have_twelve_digits() =>
        AssertOnly(ValidateOutpatient(x => x["NGAY_SINH"] = "19950512"), "XML1", "NGAY_SINH", "date_format");

    [Fact]
    public void Each_value_of_a_multi_date_field_is_checked()
    {
        Assert.Empty(ValidateOutpatient(x => x["GT_THE_TU"] = "20250101;20250301"));
        AssertOnly(ValidateOutpatient(x => x["GT_THE_TU"] = "20250101;2025031"), "XML1", "GT_THE_TU", "date_format");
    }

    [Fact]
    public void Date_field_of_a_row_names_the_row() =>
        AssertOnly(Validate(Fixtures.Outpatient().Replace("XML2", TableXml.List("XML2", [Fixtures.Xml2Row(1), Fixtures.Xml2Row(2), Fixtures.Xml2Row(3).With("NGAY_YL", "20250310")]))),
            "XML2", "CHI_TIET_THUOC[3].NGAY_YL", "date_format");

    [Fact]
    public void Envelope_date_and_count_formats()
    {
        var badDate = Fixtures.Outpatient();
        badDate.NgayLap = "2025-03-10";
        AssertOnly(Validate(badDate), "ENVELOPE", "NGAYLAP", "date_format");

        var noCount = Fixtures.Outpatient();
        noCount.SoLuongHoSo = null;
        AssertOnly(Validate(noCount), "ENVELOPE", "SOLUONGHOSO", "required");
    }

    // date_order, future_date

    [Fact]
    public void Discharge_before_admission()
    {
        AssertOnly(ValidateOutpatient(x => x["NGAY_RA"] = "202503100759"), "XML1", "NGAY_RA", "date_order");
        Assert.Empty(ValidateOutpatient(x => x["NGAY_RA"] = "202503100800"));
    }

    [Fact]
    public void Inpatient_admission_before_arrival() =>
        AssertOnly(Validate(Fixtures.Inpatient(Fixtures.Xml1Inpatient().With("NGAY_VAO_NOI_TRU", "202503010700"))), "XML1", "NGAY_VAO_NOI_TRU", "date_order");

    [Fact]
    public void Birth_after_arrival() =>
        AssertOnly(ValidateOutpatient(x =>
        {
            x["NGAY_SINH"] = "202503100900";
            x["SO_CCCD"] = "";
        }), "XML1", "NGAY_SINH", "date_order");

    [Fact]
    public void Arrival_in_the_future_beyond_the_clock_skew_tolerance()
    {
        var now = Fixtures.Now;
        AssertOnly(ValidateOutpatient(x => { x["NGAY_VAO"] = "202503101300"; x["NGAY_RA"] = "202503101400"; }, now: now), "XML1", "NGAY_VAO", "future_date");
        Assert.Empty(ValidateOutpatient(x => { x["NGAY_VAO"] = "202503101210"; x["NGAY_RA"] = "202503101400"; }, now: now));
    }

    [Fact]
    public void Birth_in_the_future() =>
        Assert.Contains(ValidateOutpatient(x => { x["NGAY_SINH"] = "203001010000"; x["SO_CCCD"] = ""; }),
            v => (v.Table, v.Field, v.Rule) == ("XML1", "NGAY_SINH", "future_date"));

    // code_list

    [Theory]
    [InlineData("MA_LOAI_KCB", "17")]
    [InlineData("MA_LOAI_KCB", "1")]
    [InlineData("KET_QUA_DTRI", "9")]
    [InlineData("MA_LOAI_RV", "6")]
    [InlineData("GIOI_TINH", "4")]
    public void Code_outside_its_list(string field, string value) =>
        AssertOnly(ValidateOutpatient(x => x[field] = value), "XML1", field, "code_list");

    [Theory]
    [InlineData("MA_LOAI_KCB", "10")]
    [InlineData("KET_QUA_DTRI", "8")]
    [InlineData("MA_LOAI_RV", "4")]
    public void Code_inside_its_list(string field, string value) => Assert.Empty(ValidateOutpatient(x => x[field] = value));

    [Fact]
    public void A_visit_type_of_the_2026_list_is_refused_before_it_and_accepted_once_in_force()
    {
        AssertOnly(ValidateOutpatient(x => x["MA_LOAI_KCB"] = "14"), "XML1", "MA_LOAI_KCB", "code_list");
        Assert.Empty(ValidateOutpatient(x =>
        {
            x["MA_LOAI_KCB"] = "14";
            x["NGAY_VAO"] = "202608100800";
            x["NGAY_RA"] = "202608101000";
            x["NGAY_TTOAN"] = "202608101015";
        }, now: new DateTimeOffset(2026, 9, 1, 12, 0, 0, TimeSpan.FromHours(7))));
    }

    [Fact]
    public void The_visit_type_list_is_a_catalogue_file()
    {
        var onlyTen = DatedCodeList.Parse("MA_LOAI_KCB", new StringReader(
            "code,name,valid_from,valid_until,decision,list_complete\n"
            + string.Concat(Enumerable.Range(1, 10).Select(i => $"{i:00},,,,QĐ thử,yes\n"))));
        var inAugust = new DateTimeOffset(2026, 9, 1, 12, 0, 0, TimeSpan.FromHours(7));

        var violations = ValidateOutpatient(x =>
        {
            x["MA_LOAI_KCB"] = "14";
            x["NGAY_VAO"] = "202608100800";
            x["NGAY_RA"] = "202608101000";
        }, now: inAugust, codeLists: [onlyTen]);

        AssertOnly(violations, "XML1", "MA_LOAI_KCB", "code_list");
        Assert.Contains("QĐ thử", violations[0].Message, StringComparison.Ordinal);
    }

    // identity

    [Theory]
    [InlineData("07009500123")]
    [InlineData("0700950012345")]
    [InlineData("070-95001234")]
    public void Malformed_SO_CCCD(string value) =>
        AssertOnly(ValidateOutpatient(x => x["SO_CCCD"] = value), "XML1", "SO_CCCD", "personal_id_structure");

    [Theory]
    [InlineData("285123456")]
    [InlineData("B1234567")]
    [InlineData("VNEID0001")]
    public void SO_CCCD_may_hold_an_old_ID_a_passport_or_an_eID_code(string value) =>
        Assert.Empty(ValidateOutpatient(x => x["SO_CCCD"] = value));

    [Fact]
    public void Personal_id_year_must_match_the_birth_date()
    {
        AssertOnly(ValidateOutpatient(x => x["NGAY_SINH"] = "199605120000"), "XML1", "SO_CCCD", "personal_id_birth_mismatch");
        AssertOnly(ValidateOutpatient(x => x["SO_CCCD"] = "070295001234"), "XML1", "SO_CCCD", "personal_id_birth_mismatch");
        Assert.Empty(ValidateOutpatient(x => x["NGAY_SINH"] = "199500000000"));
    }

    [Fact]
    public void Personal_id_sex_must_match_GIOI_TINH_unless_undetermined()
    {
        AssertOnly(ValidateOutpatient(x => x["GIOI_TINH"] = "2"), "XML1", "SO_CCCD", "personal_id_sex_mismatch");
        Assert.Empty(ValidateOutpatient(x => x["GIOI_TINH"] = "3"));
        Assert.Empty(ValidateOutpatient(x => { x["GIOI_TINH"] = "2"; x["SO_CCCD"] = "070195001234"; }));
    }

    [Theory]
    [InlineData("DN470012345678")]
    [InlineData("DN0700123456789")]
    [InlineData("DN4700123456789;XX")]
    public void Malformed_insurance_card(string value) =>
        AssertOnly(ValidateOutpatient(x => x["MA_THE_BHYT"] = value), "XML1", "MA_THE_BHYT", "card_structure");

    [Theory]
    [InlineData("DN4700123456789;HT3700123456789")]
    [InlineData("0123456789")]
    public void Several_cards_or_the_short_form_are_accepted(string value) => Assert.Empty(ValidateOutpatient(x => x["MA_THE_BHYT"] = value));

    [Fact]
    public void Message_never_contains_the_identifiers()
    {
        var violations = ValidateOutpatient(x => { x["GIOI_TINH"] = "2"; x["MA_THE_BHYT"] = "DN47001234567"; });
        Assert.Equal(2, violations.Count);
        Assert.All(violations, v =>
        {
            Assert.DoesNotContain(Fixtures.PersonalId, v.Message);
            Assert.DoesNotContain("DN47001234567", v.Message);
            Assert.DoesNotContain("Nguyễn", v.Message);
        });
    }

    // consistency

    [Fact]
    public void One_MA_LK_across_all_tables()
    {
        var builder = Fixtures.Outpatient().Replace("XML2", TableXml.List("XML2", [Fixtures.Xml2Row(1), Fixtures.Xml2Row(2).With("MA_LK", "OTHER-EPISODE")]));
        AssertOnly(Validate(builder), "XML2", "CHI_TIET_THUOC[2].MA_LK", "ma_lk_mismatch");
    }

    [Fact]
    public void MA_CSKCB_must_equal_the_envelope_facility()
    {
        AssertOnly(ValidateOutpatient(x => x["MA_CSKCB"] = "70002"), "XML1", "MA_CSKCB", "facility_mismatch");

        var builder = Fixtures.Outpatient().Table("XML14", TableXml.Single("XML14", Fixtures.Xml14().With("MA_CSKCB", "79001")));
        AssertOnly(Validate(builder), "XML14", "MA_CSKCB", "facility_mismatch");
    }

    [Fact]
    public void Envelope_facility_code_structure()
    {
        var builder = Fixtures.Outpatient(Fixtures.Xml1().With("MA_CSKCB", "7001"));
        builder.FacilityCode = "7001";
        AssertOnly(Validate(builder), "ENVELOPE", "MACSKCB", "facility_code_structure");
    }

    // table presence

    [Fact]
    public void XML8_is_required_for_inpatient_visits() =>
        AssertOnly(Validate(Fixtures.Inpatient().Without("XML8")), "XML8", "LOAIHOSO", "table_presence");

    [Fact]
    public void XML8_for_every_visit_is_a_provincial_setting()
    {
        Assert.Empty(Validate(Fixtures.Outpatient()));
        AssertOnly(Validate(Fixtures.Outpatient(), new DossierValidationOptions { RequireRecordSummaryForEveryVisit = true }), "XML8", "LOAIHOSO", "table_presence");
    }

    [Fact]
    public void XML7_is_required_for_an_inpatient_discharge_unless_switched_off()
    {
        AssertOnly(Validate(Fixtures.Inpatient().Without("XML7")), "XML7", "LOAIHOSO", "table_presence");
        Assert.Empty(Validate(Fixtures.Inpatient().Without("XML7"), new DossierValidationOptions { RequireDischargeCertificateForInpatient = false }));
        Assert.Empty(Validate(Fixtures.Inpatient(Fixtures.Xml1Inpatient().With("KET_QUA_DTRI", "5")).Without("XML7")));
    }

    [Fact]
    public void XML13_only_with_a_transfer()
    {
        var unexpected = Fixtures.Outpatient().Table("XML13", TableXml.Single("XML13", Fixtures.Xml13().With("MA_LOAI_RV", "1")));
        AssertOnly(Validate(unexpected), "XML13", "LOAIHOSO", "table_presence");

        AssertOnly(ValidateOutpatient(x => x["MA_LOAI_RV"] = "5"), "XML13", "LOAIHOSO", "table_presence");

        var transfer = Fixtures.Outpatient(Fixtures.Xml1().With("MA_LOAI_RV", "2")).Table("XML13", TableXml.Single("XML13", Fixtures.Xml13()));
        Assert.Empty(Validate(transfer));
    }

    [Fact]
    public void XML14_when_a_re_exam_is_booked_is_optional_setting()
    {
        Assert.Empty(ValidateOutpatient(x => x["NGAY_TAI_KHAM"] = "20250317"));
        AssertOnly(ValidateOutpatient(x => x["NGAY_TAI_KHAM"] = "20250317", new DossierValidationOptions { RequireReExamAppointmentWhenBooked = true }), "XML14", "LOAIHOSO", "table_presence");
    }

    // ICD-10

    [Fact]
    public void Unknown_main_diagnosis() => AssertOnly(ValidateOutpatient(x => x["MA_BENH_CHINH"] = "J18.99"), "XML1", "MA_BENH_CHINH", "icd10_unknown");

    [Fact]
    public void Each_secondary_diagnosis_is_checked_dotted_or_undotted()
    {
        Assert.Empty(ValidateOutpatient(x => x["MA_BENH_KT"] = "J069;R50.9;I10"));
        var violations = ValidateOutpatient(x => x["MA_BENH_KT"] = "J06.9;Q99.99");
        AssertOnly(violations, "XML1", "MA_BENH_KT", "icd10_unknown");
        Assert.Contains("code 2 of 2", violations[0].Message);
        Assert.DoesNotContain("Q99", violations[0].Message);
    }

    [Fact]
    public void Without_a_catalogue_codes_are_not_looked_up()
    {
        var read = DossierReader.ReadDossier(Fixtures.Outpatient(Fixtures.Xml1().With("MA_BENH_CHINH", "J18.99")).Build(), DossierReaderOptions.Default);
        Assert.Empty(Validator(withIcd: false).Validate(read.Dossier!, Fixtures.Now));
    }

    [Fact]
    public void At_most_twelve_secondary_diagnoses() =>
        AssertOnly(ValidateOutpatient(x => x["MA_BENH_KT"] = string.Join(';', Enumerable.Repeat("R50.9", 13))), "XML1", "MA_BENH_KT", "max_items");

    [Fact]
    public void Diagnosis_restricted_to_the_other_sex()
    {
        AssertOnly(ValidateOutpatient(x => x["MA_BENH_CHINH"] = "N83.2"), "XML1", "MA_BENH_CHINH", "icd10_sex_mismatch");
        AssertOnly(ValidateOutpatient(x => { x["GIOI_TINH"] = "2"; x["SO_CCCD"] = "070195001234"; x["MA_BENH_KT"] = "N40"; }), "XML1", "MA_BENH_KT", "icd10_sex_mismatch");
        Assert.Empty(ValidateOutpatient(x => { x["GIOI_TINH"] = "2"; x["SO_CCCD"] = "070195001234"; x["MA_BENH_CHINH"] = "N83.2"; }));
    }

    // collection and cap

    [Fact]
    public void Every_violation_is_reported_at_once()
    {
        var violations = ValidateOutpatient(x =>
        {
            x.Remove("MA_BN");
            x["MA_LOAI_KCB"] = "99";
            x["NGAY_RA"] = "2025";
            x["MA_THE_BHYT"] = "X";
            x["MA_BENH_CHINH"] = "ZZZ";
        });
        Assert.Equal(
            new[] { "required", "date_format", "code_list", "card_structure", "icd10_unknown" }.Order(),
            violations.Select(v => v.Rule).Order());
    }

    [Fact]
    public void Violations_are_capped_with_a_final_marker()
    {
        var rows = Enumerable.Range(1, 20).Select(i => Fixtures.Xml2Row(i).Remove("MA_THUOC")).ToArray();
        var builder = Fixtures.Outpatient().Replace("XML2", TableXml.List("XML2", rows));
        var violations = Validate(builder, new DossierValidationOptions { MaxViolations = 5 });
        Assert.Equal(6, violations.Count);
        Assert.Equal("too_many_violations", violations[^1].Rule);
        Assert.All(violations.Take(5), v => Assert.Equal("required", v.Rule));
    }

    [Fact]
    public void Unknown_fields_are_reported_only_when_asked()
    {
        Assert.Empty(ValidateOutpatient(x => x["MA_MOI_2026"] = "1"));
        AssertOnly(ValidateOutpatient(x => x["MA_MOI_2026"] = "1", new DossierValidationOptions { ReportUnknownFields = true }), "XML1", "MA_MOI_2026", "unknown_field");
    }
}
