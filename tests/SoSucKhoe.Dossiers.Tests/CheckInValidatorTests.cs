using SoSucKhoe.Dossiers.Model;
using SoSucKhoe.Dossiers.Reading;
using SoSucKhoe.Dossiers.Tests.Support;
using static SoSucKhoe.Dossiers.Tests.Support.Validation;

namespace SoSucKhoe.Dossiers.Tests;

public sealed class CheckInValidatorTests
{
    private static CheckInDocument Read(params FieldList[] rows)
    {
        var result = DossierReader.ReadCheckIn(Fixtures.CheckIn(rows), DossierReaderOptions.Default);
        return result.Document!;
    }

    [Fact]
    public void Valid_check_in_has_no_violation() =>
        Assert.Empty(Validator().Validate(Read(Fixtures.CheckInRow(1), Fixtures.CheckInRow(2)), Fixtures.Now, "70001"));

    [Fact]
    public void Required_fields_name_the_row() =>
        AssertOnly(Validator().Validate(Read(Fixtures.CheckInRow(1), Fixtures.CheckInRow(2).Remove("NGAY_YL")), Fixtures.Now), "XML0", "TRANG_THAI_KCB[2].NGAY_YL", "required");

    [Fact]
    public void One_of_service_drug_or_supply_is_required()
    {
        var row = Fixtures.CheckInRow(1).Remove("MA_DICH_VU").Remove("TEN_DICH_VU");
        AssertOnly(Validator().Validate(Read(row), Fixtures.Now), "XML0", "TRANG_THAI_KCB[1].MA_DICH_VU", "required");

        var supply = Fixtures.CheckInRow(1).Remove("MA_DICH_VU").Remove("TEN_DICH_VU").With("MA_VAT_TU", "N03.01").With("TEN_VAT_TU", "Bơm tiêm");
        Assert.Empty(Validator().Validate(Read(supply), Fixtures.Now));
    }

    [Fact]
    public void Name_of_a_drug_is_required_with_its_code()
    {
        var row = Fixtures.CheckInRow(1).With("MA_THUOC", "40.17");
        AssertOnly(Validator().Validate(Read(row), Fixtures.Now), "XML0", "TRANG_THAI_KCB[1].TEN_THUOC", "required");
    }

    [Fact]
    public void Inpatient_reason_required_with_inpatient_admission()
    {
        var row = Fixtures.CheckInRow(1).With("NGAY_VAO_NOI_TRU", "202503100900");
        AssertOnly(Validator().Validate(Read(row), Fixtures.Now), "XML0", "TRANG_THAI_KCB[1].LY_DO_VNT", "required");
        Assert.Empty(Validator().Validate(Read(row.With("LY_DO_VNT", "Sốt cao")), Fixtures.Now));
    }

    [Fact]
    public void Facility_must_match_the_request()
    {
        AssertOnly(Validator().Validate(Read(Fixtures.CheckInRow(1)), Fixtures.Now, "70002"), "XML0", "TRANG_THAI_KCB[1].MA_CSKCB", "facility_mismatch");
        AssertOnly(Validator().Validate(Read(Fixtures.CheckInRow(1).With("MA_CSKCB", "7A001")), Fixtures.Now), "XML0", "TRANG_THAI_KCB[1].MA_CSKCB", "facility_code_structure");
    }

    [Fact]
    public void Identity_codes_and_dates_are_checked_as_in_XML1()
    {
        AssertOnly(Validator().Validate(Read(Fixtures.CheckInRow(1).With("GIOI_TINH", "2")), Fixtures.Now), "XML0", "TRANG_THAI_KCB[1].SO_CCCD", "personal_id_sex_mismatch");
        AssertOnly(Validator().Validate(Read(Fixtures.CheckInRow(1).With("MA_LOAI_KCB", "1")), Fixtures.Now), "XML0", "TRANG_THAI_KCB[1].MA_LOAI_KCB", "code_list");
        AssertOnly(Validator().Validate(Read(Fixtures.CheckInRow(1).With("GT_THE_TU", "2025010")), Fixtures.Now), "XML0", "TRANG_THAI_KCB[1].GT_THE_TU", "date_format");
        AssertOnly(Validator().Validate(Read(Fixtures.CheckInRow(1).With("MA_DKBD", "700")), Fixtures.Now), "XML0", "TRANG_THAI_KCB[1].MA_DKBD", "facility_code_structure");
        Assert.Contains(Validator().Validate(Read(Fixtures.CheckInRow(1).With("NGAY_VAO", "202512310800")), Fixtures.Now),
            v => (v.Field, v.Rule) == ("TRANG_THAI_KCB[1].NGAY_VAO", "future_date"));
    }

    [Fact]
    public void Read_violations_are_included()
    {
        var xml = Fixtures.CheckIn().AsSpan().ToArray();
        var text = System.Text.Encoding.UTF8.GetString(xml).Replace("<STT>1</STT>", "<STT>1</STT><STT>2</STT>");
        var document = DossierReader.ReadCheckIn(System.Text.Encoding.UTF8.GetBytes(text), DossierReaderOptions.Default).Document!;
        AssertOnly(Validator().Validate(document, Fixtures.Now), "XML0", "TRANG_THAI_KCB[1].STT", "duplicate_field");
    }
}
