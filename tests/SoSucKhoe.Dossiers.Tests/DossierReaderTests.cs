using System.Text;
using SoSucKhoe.Dossiers.Model;
using SoSucKhoe.Dossiers.Reading;
using SoSucKhoe.Dossiers.Tests.Support;

namespace SoSucKhoe.Dossiers.Tests;

public sealed class DossierReaderTests
{
    private static Dossier ReadClean(byte[] document)
    {
        var result = DossierReader.ReadDossier(document, DossierReaderOptions.Default);
        Assert.Empty(result.Violations);
        Assert.True(result.IsClean);
        return result.Dossier!;
    }

    [Fact]
    public void Envelope_gives_facility_date_count_files_and_episode_key()
    {
        var bytes = Fixtures.Outpatient().Build();
        var dossier = ReadClean(bytes);

        Assert.Equal("70001", dossier.FacilityCode);
        Assert.Equal("20250310", dossier.NgayLap);
        Assert.Equal(new DateTimeOffset(2025, 3, 10, 0, 0, 0, TimeSpan.FromHours(7)), dossier.NgayLapDate!.Value.Value);
        Assert.Equal("1", dossier.SoLuongHoSo);
        Assert.Equal(1, dossier.HoSoCount);
        Assert.Equal(Fixtures.MaLk, dossier.MaLk);
        Assert.Equal(["XML1", "XML2", "XML3", "XML4", "XML5"], dossier.Files.Select(f => f.LoaiHoSo));
        Assert.Equal(5, dossier.Tables.Count);
        Assert.True(bytes.AsSpan().SequenceEqual(dossier.Document.Span));
    }

    [Fact]
    public void Files_keep_the_exact_decoded_bytes_of_each_table()
    {
        var xml1 = TableXml.Single("XML1", Fixtures.Xml1());
        var dossier = ReadClean(new EnvelopeBuilder().Table("XML1", xml1).Build());
        Assert.Equal(Encoding.UTF8.GetBytes(xml1), dossier.Files[0].Content.ToArray());
    }

    [Fact]
    public void Base64_content_may_be_wrapped_on_several_lines()
    {
        var base64 = Convert.ToBase64String(Encoding.UTF8.GetBytes(TableXml.Single("XML1", Fixtures.Xml1())), Base64FormattingOptions.InsertLineBreaks);
        var dossier = ReadClean(new EnvelopeBuilder().RawContent("XML1", base64).Build());
        Assert.Equal(Fixtures.MaLk, dossier.MaLk);
    }

    [Fact]
    public void XML1_fields_are_strings_with_leading_zeros_and_typed_properties()
    {
        var s = ReadClean(Fixtures.Outpatient().Build()).Summary!;

        Assert.Equal("01", s.MaLoaiKcb);
        Assert.Equal("01", s["MA_LOAI_KCB"]);
        Assert.Equal("000", s.MaQuocTich);
        Assert.Equal("01", s.MaDanToc);
        Assert.Equal("00000", s.MaNgheNghiep);
        Assert.Equal("03", s["THANG_QT"]);
        Assert.Equal("Nguyễn Văn An", s.HoTen);
        Assert.Equal(Fixtures.PersonalId, s.SoCccd);
        Assert.Equal(Fixtures.Card, s.MaTheBhyt);
        Assert.Equal("1", s.GioiTinh);
        Assert.Equal("J18.9", s.MaBenhChinh);
        Assert.Equal("J06.9;R50.9", s.MaBenhKt);
        Assert.Equal(["J06.9", "R50.9"], MultiValue.Split(s.MaBenhKt));
        Assert.Equal(VnDateTime.FromLocal(2025, 3, 10, 8, 0), s.NgayVao);
        Assert.Equal(VnDateTime.FromLocal(2025, 3, 10, 10, 0), s.NgayRa);
        Assert.Null(s.NgayVaoNoiTru);
        Assert.Equal(VnDatePrecision.Day, s.NgaySinh!.Value.Precision);
        Assert.Equal(1995, s.NgaySinh.Value.Year);
        Assert.Equal(163500m, s.TTongChiBv);
        Assert.Equal(130800m, s.TBhtt);
        Assert.Equal(62.50m, s.CanNang);
        Assert.Equal("70001", s.MaCskcb);
        Assert.Equal("HSBA-2025-000123", s.MaHsba);
        Assert.Equal(string.Empty, s["MA_TAI_NAN"]);
        Assert.Null(s.NhomMau);
        Assert.Null(s["NOT_SENT"]);
        Assert.True(s.Fields.Count >= 45);
    }

    [Fact]
    public void XML2_XML3_XML4_XML5_rows_keep_order_and_every_field()
    {
        var dossier = ReadClean(Fixtures.Outpatient().Build());

        Assert.Equal(2, dossier.Drugs.Count);
        Assert.Equal("2", dossier.Drugs[1].Stt);
        Assert.Equal("40.17", dossier.Drugs[0].MaThuoc);
        Assert.Equal(10m, dossier.Drugs[0].SoLuong);
        Assert.Equal("G1;N4;2024", dossier.Drugs[0]["TT_THAU"]);
        Assert.Equal("CHI_TIET_THUOC[2].MA_THUOC", dossier.Drugs[1].Row.PathOf("MA_THUOC"));

        Assert.Single(dossier.Services);
        Assert.Equal("02.1896", dossier.Services[0].MaDichVu);
        Assert.Equal("13", dossier.Services[0].MaNhom);

        Assert.Equal("11.2", dossier.ClinicalTests[0].GiaTri);
        Assert.Equal(VnDateTime.FromLocal(2025, 3, 10, 9, 0), dossier.ClinicalTests[0].NgayKq);

        Assert.Equal("Sốt 38.5 độ, ho khan", dossier.ClinicalProgress[0].DienBienLs);
        Assert.Equal(VnDateTime.FromLocal(2025, 3, 10, 8, 20), dossier.ClinicalProgress[0].ThoiDiemDbls);
    }

    [Fact]
    public void XML7_XML8_XML11_XML13_XML14_have_typed_views()
    {
        var dossier = ReadClean(Fixtures.Inpatient()
            .Table("XML11", TableXml.Single("XML11", Fixtures.Xml11()))
            .Table("XML13", TableXml.Single("XML13", Fixtures.Xml13()))
            .Table("XML14", TableXml.Single("XML14", Fixtures.Xml14()))
            .Build());

        Assert.Equal("LT-2025-77", dossier.Discharge!.SoLuuTru);
        Assert.Equal(VnDateTime.FromLocal(2025, 3, 5, 0, 0, VnDatePrecision.Day), dossier.Discharge.NgayCt);
        Assert.Equal("03", dossier.RecordSummary!.MaLoaiKcb);
        Assert.Equal("Sốt 3 ngày", dossier.RecordSummary.QtBenhLy);
        Assert.Equal("CT07", dossier.SickLeave!.MauSo);
        Assert.Equal(5, dossier.SickLeave.SoNgayNghi);
        Assert.Equal("0123456789", dossier.SickLeave.MaBhxh);
        Assert.Equal("79001", dossier.Transfer!.MaNoiDen);
        Assert.Equal("2", dossier.Transfer.MaLoaiRv);
        Assert.Equal(VnDateTime.FromLocal(2025, 3, 17, 8, 0), dossier.ReExam!.NgayHenKl);
        Assert.Equal("03", dossier.Summary!.MaLoaiKcb);
        Assert.Equal("Sốt cao, khó thở", dossier.Summary.LyDoVnt);
    }

    [Fact]
    public void XML6_XML9_XML10_XML15_are_raw_tables()
    {
        var dossier = ReadClean(new EnvelopeBuilder()
            .Table("XML1", TableXml.Single("XML1", Fixtures.Xml1()))
            .Table("XML6", TableXml.List("XML6", [Fixtures.Xml6Row()]))
            .Table("XML9", TableXml.List("XML9", [Fixtures.Xml9Row(), Fixtures.Xml9Row().With("GIOI_TINH_CON", "1")]))
            .Table("XML10", TableXml.Single("XML10", Fixtures.Xml10()))
            .Table("XML15", TableXml.List("XML15", [Fixtures.Xml15Row()]))
            .Build());

        var xml6 = dossier.GetTable("XML6")!;
        Assert.True(xml6.IsList);
        Assert.Equal("HO_SO_BENH_AN_CHAM_SOC_VA_DIEU_TRI_HIV_AIDS", xml6.RowElement);
        Assert.Equal("1a", xml6.Rows[0]["MA_PHAC_DO_DIEU_TRI"]);

        var xml9 = dossier.GetTable("XML9")!;
        Assert.Equal(2, xml9.Rows.Count);
        Assert.Equal("1", xml9.Rows[1]["GIOI_TINH_CON"]);
        Assert.Equal(2, xml9.Rows[1].Index);

        var xml10 = dossier.GetTable("XML10")!;
        Assert.False(xml10.IsList);
        Assert.Equal("20250314", xml10.Rows.Single()["DEN_NGAY"]);

        Assert.Equal("20250101", dossier.GetTable("XML15")!.Rows[0]["NGAYBD_DTRI_LAO"]);
        Assert.Null(dossier.GetTable("XML2"));
        Assert.Empty(dossier.Drugs);
    }

    [Fact]
    public void CDATA_and_escaped_text_are_read_as_text()
    {
        var xml = TableXml.Single("XML1", Fixtures.Xml1()).Replace("<LY_DO_VV>Ho, sốt</LY_DO_VV>", "<LY_DO_VV><![CDATA[Ho & sốt <38>]]></LY_DO_VV>");
        var dossier = ReadClean(new EnvelopeBuilder().Table("XML1", xml).Build());
        Assert.Equal("Ho & sốt <38>", dossier.Summary!.LyDoVv);
    }

    [Fact]
    public void Signature_element_presence_is_recorded()
    {
        var unsigned = ReadClean(Fixtures.Outpatient().Build());
        Assert.True(unsigned.HasSignatureElement);
        Assert.False(unsigned.HasSignature);

        var builder = Fixtures.Outpatient();
        builder.Signature = "<CHUKYDONVI><Signature xmlns=\"http://www.w3.org/2000/09/xmldsig#\"><SignedInfo/></Signature></CHUKYDONVI>";
        var signed = ReadClean(builder.Build());
        Assert.True(signed.HasSignature);

        builder.Signature = string.Empty;
        var none = ReadClean(builder.Build());
        Assert.False(none.HasSignatureElement);
    }

    [Fact]
    public void Lower_case_table_code_is_normalised()
    {
        var dossier = ReadClean(new EnvelopeBuilder().Table("xml1", TableXml.Single("XML1", Fixtures.Xml1())).Build());
        Assert.Equal("XML1", dossier.Files[0].LoaiHoSo);
        Assert.NotNull(dossier.Summary);
    }

    [Fact]
    public void Span_and_memory_overloads_read_the_same()
    {
        var bytes = Fixtures.Outpatient().Build();
        var fromSpan = DossierReader.ReadDossier(bytes.AsSpan(), DossierReaderOptions.Default);
        var fromMemory = DossierReader.ReadDossier(new ReadOnlyMemory<byte>(bytes), DossierReaderOptions.Default);
        Assert.Equal(fromMemory.Dossier!.MaLk, fromSpan.Dossier!.MaLk);
        Assert.Equal(fromMemory.Dossier.Tables.Count, fromSpan.Dossier.Tables.Count);
    }

    [Fact]
    public void Check_in_document_gives_rows_with_typed_fields()
    {
        var result = DossierReader.ReadCheckIn(Fixtures.CheckIn(Fixtures.CheckInRow(1), Fixtures.CheckInRow(2).Remove("MA_DICH_VU").Remove("TEN_DICH_VU").With("MA_THUOC", "40.17").With("TEN_THUOC", "Paracetamol")), DossierReaderOptions.Default);

        Assert.Empty(result.Violations);
        var doc = result.Document!;
        Assert.Equal(2, doc.Rows.Count);
        Assert.True(doc.HasSignatureElement);
        Assert.Equal("01", doc.Rows[0].MaLoaiKcb);
        Assert.Equal(VnDateTime.FromLocal(2025, 3, 10, 8, 0), doc.Rows[0].NgayVao);
        Assert.Equal("02.1896", doc.Rows[0].MaDichVu);
        Assert.Equal("40.17", doc.Rows[1].MaThuoc);
        Assert.Equal("TRANG_THAI_KCB[2].MA_THUOC", doc.Rows[1].Row.PathOf("MA_THUOC"));
        Assert.Equal("XML0", doc.Table.Code);
    }

    [Fact]
    public void Check_in_without_rows_is_reported()
    {
        var xml = "<CHI_TIEU_TRANG_THAI_KCB><DSACH_TRANG_THAI_KCB/><CHUKYDONVI/></CHI_TIEU_TRANG_THAI_KCB>"u8.ToArray();
        var result = DossierReader.ReadCheckIn(xml, DossierReaderOptions.Default);
        var v = Assert.Single(result.Violations);
        Assert.Equal(("XML0", "DSACH_TRANG_THAI_KCB", "required"), (v.Table, v.Field, v.Rule));
        Assert.Empty(result.Document!.Rows);
    }

    [Fact]
    public void Duplicate_field_in_a_row_keeps_the_first_value_and_is_reported()
    {
        var xml = TableXml.List("XML2", [Fixtures.Xml2Row(1)]).Replace("<STT>1</STT>", "<STT>1</STT><STT>9</STT>");
        var result = DossierReader.ReadDossier(new EnvelopeBuilder().Table("XML1", TableXml.Single("XML1", Fixtures.Xml1())).Table("XML2", xml).Build(), DossierReaderOptions.Default);
        var v = Assert.Single(result.Violations);
        Assert.Equal(("XML2", "CHI_TIET_THUOC[1].STT", "duplicate_field"), (v.Table, v.Field, v.Rule));
        Assert.Equal("1", result.Dossier!.Drugs[0].Stt);
    }

    [Fact]
    public void Unexpected_elements_are_structure_violations_not_failures()
    {
        var xml = TableXml.List("XML2", [Fixtures.Xml2Row(1)]).Replace("<DSACH_CHI_TIET_THUOC>", "<DSACH_CHI_TIET_THUOC><CHI_TIET_DVKT/>");
        var result = DossierReader.ReadDossier(new EnvelopeBuilder().Table("XML1", TableXml.Single("XML1", Fixtures.Xml1())).Table("XML2", xml).Build(), DossierReaderOptions.Default);
        var v = Assert.Single(result.Violations);
        Assert.Equal(("XML2", "DSACH_CHI_TIET_THUOC.CHI_TIET_DVKT", "table_structure"), (v.Table, v.Field, v.Rule));
        Assert.Single(result.Dossier!.Drugs);
    }

    [Fact]
    public void Field_with_child_elements_is_a_structure_violation()
    {
        var xml = TableXml.Single("XML1", Fixtures.Xml1()).Replace("<MA_BN>BN000123</MA_BN>", "<MA_BN><X>1</X></MA_BN>");
        var result = DossierReader.ReadDossier(new EnvelopeBuilder().Table("XML1", xml).Build(), DossierReaderOptions.Default);
        var v = Assert.Single(result.Violations);
        Assert.Equal(("XML1", "MA_BN", "table_structure"), (v.Table, v.Field, v.Rule));
        Assert.Null(result.Dossier!.Summary!.MaBn);
    }

    [Fact]
    public void Declared_count_must_match_the_HOSO_elements()
    {
        var builder = Fixtures.Outpatient();
        builder.SoLuongHoSo = "2";
        var result = DossierReader.ReadDossier(builder.Build(), DossierReaderOptions.Default);
        var v = Assert.Single(result.Violations);
        Assert.Equal(("ENVELOPE", "SOLUONGHOSO", "count_mismatch"), (v.Table, v.Field, v.Rule));
    }
}
