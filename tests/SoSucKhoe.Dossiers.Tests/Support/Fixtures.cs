using System.Globalization;

namespace SoSucKhoe.Dossiers.Tests.Support;

/// <summary>
/// Synthetic, structurally valid records for every table (invented people: no real personal data).
/// The person: male, born 12/05/1995 in province 070, personal ID 070095001234, card DN4700123456789.
/// </summary>
internal static class Fixtures
{
    public const string Facility = "70001";
    public const string MaLk = "HS2025031000123";
    public const string PersonalId = "070095001234";
    public const string Card = "DN4700123456789";

    /// <summary>A clock after every fixture date and before none.</summary>
    public static readonly DateTimeOffset Now = new(2025, 3, 10, 12, 0, 0, TimeSpan.FromHours(7));

    /// <summary>XML1 of an outpatient exam (MA_LOAI_KCB 01) ending with discharge type 1.</summary>
    public static FieldList Xml1() => new()
    {
        { "MA_LK", MaLk },
        { "STT", "1" },
        { "MA_BN", "BN000123" },
        { "HO_TEN", "Nguyễn Văn An" },
        { "SO_CCCD", PersonalId },
        { "NGAY_SINH", "199505120000" },
        { "GIOI_TINH", "1" },
        { "NHOM_MAU", "" },
        { "MA_QUOCTICH", "000" },
        { "MA_DANTOC", "01" },
        { "MA_NGHE_NGHIEP", "00000" },
        { "DIA_CHI", "Phường Tân Phú, Đồng Xoài, Bình Phước" },
        { "MATINH_CU_TRU", "70" },
        { "MAHUYEN_CU_TRU", "689" },
        { "MAXA_CU_TRU", "25195" },
        { "DIEN_THOAI", "0912000000" },
        { "MA_THE_BHYT", Card },
        { "MA_DKBD", "70001" },
        { "GT_THE_TU", "20250101" },
        { "GT_THE_DEN", "20251231" },
        { "LY_DO_VV", "Ho, sốt" },
        { "CHAN_DOAN_VAO", "Viêm phổi" },
        { "CHAN_DOAN_RV", "Viêm phổi, không đặc hiệu" },
        { "MA_BENH_CHINH", "J18.9" },
        { "MA_BENH_KT", "J06.9;R50.9" },
        { "MA_DOITUONG_KCB", "1" },
        { "MA_TAI_NAN", "" },
        { "NGAY_VAO", "202503100800" },
        { "NGAY_RA", "202503101000" },
        { "SO_NGAY_DTRI", "1" },
        { "KET_QUA_DTRI", "2" },
        { "MA_LOAI_RV", "1" },
        { "NGAY_TTOAN", "202503101015" },
        { "T_THUOC", "125000" },
        { "T_VTYT", "0" },
        { "T_TONGCHI_BV", "163500" },
        { "T_TONGCHI_BH", "163500" },
        { "T_BNTT", "0" },
        { "T_BNCCT", "32700" },
        { "T_BHTT", "130800" },
        { "T_NGUONKHAC", "0" },
        { "T_BHTT_GDV", "0" },
        { "NAM_QT", "2025" },
        { "THANG_QT", "03" },
        { "MA_LOAI_KCB", "01" },
        { "MA_KHOA", "K01" },
        { "MA_CSKCB", Facility },
        { "CAN_NANG", "62.50" },
        { "NGAY_TAI_KHAM", "" },
        { "MA_HSBA", "HSBA-2025-000123" },
        { "DU_PHONG", "" },
    };

    /// <summary>XML1 of an inpatient stay (MA_LOAI_KCB 03), discharged (MA_LOAI_RV 1).</summary>
    public static FieldList Xml1Inpatient() => Xml1()
        .With("MA_LOAI_KCB", "03")
        .With("NGAY_VAO", "202503010800")
        .With("NGAY_VAO_NOI_TRU", "202503010900")
        .With("LY_DO_VNT", "Sốt cao, khó thở")
        .With("NGAY_RA", "202503051000")
        .With("SO_NGAY_DTRI", "5");

    public static FieldList Xml2Row(int stt) => new()
    {
        { "MA_LK", MaLk }, { "STT", stt.ToString(CultureInfo.InvariantCulture) }, { "MA_THUOC", "40.17" }, { "MA_NHOM", "4" },
        { "TEN_THUOC", "Paracetamol" }, { "DON_VI_TINH", "Viên" }, { "HAM_LUONG", "500mg" }, { "DUONG_DUNG", "1.01" },
        { "LIEU_DUNG", "1 viên x 3 lần/ngày" }, { "SO_DANG_KY", "VD-12345-10" }, { "TT_THAU", "G1;N4;2024" },
        { "PHAM_VI", "1" }, { "TYLE_TT_BH", "100" }, { "SO_LUONG", "10" }, { "DON_GIA", "500" },
        { "THANH_TIEN_BV", "5000" }, { "THANH_TIEN_BH", "5000" }, { "T_NGUONKHAC_NSNN", "0" }, { "T_NGUONKHAC_VTNN", "0" },
        { "T_NGUONKHAC_VTTN", "0" }, { "T_NGUONKHAC_CL", "0" }, { "T_NGUONKHAC", "0" }, { "MUC_HUONG", "80" },
        { "T_BNTT", "0" }, { "T_BNCCT", "1000" }, { "T_BHTT", "4000" }, { "MA_KHOA", "K01" }, { "MA_BAC_SI", "BS001" },
        { "NGAY_YL", "202503100830" }, { "NGAY_TH_YL", "202503100840" }, { "MA_PTTT", "1" }, { "NGUON_CTRA", "1" },
    };

    public static FieldList Xml3Row(int stt) => new()
    {
        { "MA_LK", MaLk }, { "STT", stt.ToString(CultureInfo.InvariantCulture) }, { "MA_DICH_VU", "02.1896" }, { "MA_NHOM", "13" },
        { "TEN_DICH_VU", "Khám Nội" }, { "DON_VI_TINH", "Lần" }, { "PHAM_VI", "1" }, { "SO_LUONG", "1" },
        { "DON_GIA_BV", "38500" }, { "DON_GIA_BH", "38500" }, { "TYLE_TT_DV", "100" }, { "TYLE_TT_BH", "100" },
        { "THANH_TIEN_BV", "38500" }, { "THANH_TIEN_BH", "38500" }, { "MUC_HUONG", "80" }, { "T_NGUONKHAC_NSNN", "0" },
        { "T_NGUONKHAC_VTNN", "0" }, { "T_NGUONKHAC_VTTN", "0" }, { "T_NGUONKHAC_CL", "0" }, { "T_NGUONKHAC", "0" },
        { "T_BNTT", "0" }, { "T_BNCCT", "7700" }, { "T_BHTT", "30800" }, { "MA_KHOA", "K01" }, { "MA_BAC_SI", "BS001" },
        { "MA_BENH", "J18.9" }, { "NGAY_YL", "202503100810" }, { "NGAY_TH_YL", "202503100815" }, { "NGAY_KQ", "" }, { "MA_PTTT", "1" },
    };

    public static FieldList Xml4Row(int stt) => new()
    {
        { "MA_LK", MaLk }, { "STT", stt.ToString(CultureInfo.InvariantCulture) }, { "MA_DICH_VU", "22.0120.1370" }, { "MA_CHI_SO", "WBC" },
        { "TEN_CHI_SO", "Số lượng bạch cầu" }, { "GIA_TRI", "11.2" }, { "DON_VI_DO", "G/L" }, { "NGAY_KQ", "202503100900" },
        { "MA_BS_DOC_KQ", "BS002" },
    };

    public static FieldList Xml5Row(int stt) => new()
    {
        { "MA_LK", MaLk }, { "STT", stt.ToString(CultureInfo.InvariantCulture) }, { "DIEN_BIEN_LS", "Sốt 38.5 độ, ho khan" },
        { "THOI_DIEM_DBLS", "202503100820" }, { "NGUOI_THUC_HIEN", "BS001" },
    };

    public static FieldList Xml6Row() => new()
    {
        { "MA_LK", MaLk }, { "NOI_LAY_MAU_XN", Facility }, { "NOI_XN_KD", Facility }, { "NOI_BDDT_ARV", Facility },
        { "MA_LYDO_DTRI", "1" }, { "LOAI_DTRI_LAO", "0" }, { "SANG_LOC_LAO", "1" }, { "KQ_DTRI_LAO", "1" }, { "MA_LOAI_BN", "1" },
        { "GIAI_DOAN_LAM_SANG", "1" }, { "NHOM_DOI_TUONG", "1" }, { "MA_TINH_TRANG_DK", "0" }, { "MA_XU_TRI", "0" },
        { "MA_PHAC_DO_DIEU_TRI", "1a" }, { "NGAY_CHUYEN_PHAC_DO", "20250101" }, { "LY_DO_CHUYEN_PHAC_DO", "1" }, { "MA_CSKCB", Facility },
    };

    public static FieldList Xml7() => new()
    {
        { "MA_LK", MaLk }, { "SO_LUU_TRU", "LT-2025-77" }, { "MA_YTE", "YT000123" }, { "MA_KHOA_RV", "K01" },
        { "NGAY_VAO", "202503010800" }, { "NGAY_RA", "202503051000" }, { "CHAN_DOAN_RV", "Viêm phổi" },
        { "PP_DIEUTRI", "Kháng sinh, hạ sốt" }, { "MA_TTDV", "TTDV01" }, { "MA_BS", "BS001" }, { "TEN_BS", "Trần Thị Bình" },
        { "NGAY_CT", "20250305" },
    };

    public static FieldList Xml8() => new()
    {
        { "MA_LK", MaLk }, { "MA_LOAI_KCB", "03" }, { "NGAY_VAO", "202503010800" }, { "NGAY_RA", "202503051000" },
        { "CHAN_DOAN_VAO", "Viêm phổi" }, { "CHAN_DOAN_RV", "Viêm phổi" }, { "QT_BENHLY", "Sốt 3 ngày" },
        { "TOMTAT_KQ", "Bạch cầu tăng" }, { "PP_DIEUTRI", "Kháng sinh" }, { "KET_QUA_DTRI", "1" }, { "MA_TTDV", "TTDV01" },
        { "NGAY_CT", "20250305" },
    };

    public static FieldList Xml9Row() => new()
    {
        { "MA_LK", MaLk }, { "HO_TEN_NND", "Lê Thị Cúc" }, { "NGAYSINH_NND", "19980101" }, { "MA_DANTOC_NND", "01" },
        { "SO_CCCD_NND", "070198001234" }, { "NGAYCAP_CCCD_NND", "20210101" }, { "NOICAP_CCCD_NND", "Cục CSQLHC" },
        { "NOI_CU_TRU_NND", "Đồng Xoài" }, { "MA_QUOCTICH", "000" }, { "MATINH_CU_TRU", "70" }, { "MAHUYEN_CU_TRU", "689" },
        { "MAXA_CU_TRU", "25195" }, { "MA_THE_TAM", "TE1700000000001" }, { "GIOI_TINH_CON", "2" }, { "SO_CON", "1" },
        { "LAN_SINH", "1" }, { "SO_CON_SONG", "1" }, { "CAN_NANG_CON", "3200" }, { "NGAY_SINH_CON", "202503020830" },
        { "NOI_SINH_CON", "Bệnh viện" }, { "TINH_TRANG_CON", "Khỏe" }, { "SINHCON_PHAUTHUAT", "0" }, { "SINHCON_DUOI32TUAN", "0" },
        { "GHI_CHU", "Không" }, { "NGUOI_DO_DE", "NHS A" }, { "NGUOI_GHI_PHIEU", "NHS B" }, { "NGAY_CT", "20250302" },
        { "SO", "12" }, { "QUYEN_SO", "01" }, { "MA_TTDV", "1234" },
    };

    public static FieldList Xml10() => new()
    {
        { "MA_LK", MaLk }, { "SO_SERI", "S01" }, { "SO_CT", "CT01" }, { "SO_NGAY", "10" }, { "DON_VI", "Công ty A" },
        { "CHAN_DOAN_RV", "Dọa sẩy thai" }, { "TU_NGAY", "20250305" }, { "DEN_NGAY", "20250314" }, { "MA_TTDV", "1234" },
        { "TEN_BS", "Trần Thị Bình" }, { "MA_BS", "BS001" }, { "NGAY_CT", "20250305" },
    };

    public static FieldList Xml11() => new()
    {
        { "MA_LK", MaLk }, { "SO_CT", "CT07-001" }, { "SO_SERI", "AB0001" }, { "SO_KCB", "KCB-2025-1" }, { "DON_VI", "Công ty B" },
        { "MA_BHXH", "0123456789" }, { "MA_THE_BHYT", Card }, { "CHAN_DOAN_RV", "Viêm phổi" }, { "PP_DIEUTRI", "Kháng sinh" },
        { "SO_NGAY_NGHI", "5" }, { "TU_NGAY", "20250306" }, { "DEN_NGAY", "20250310" }, { "MA_TTDV", "1234" },
        { "MA_BS", "BS001" }, { "NGAY_CT", "20250305" }, { "MAU_SO", "CT07" },
    };

    public static FieldList Xml13() => new()
    {
        { "MA_LK", MaLk }, { "SO_HOSO", "HS-77" }, { "SO_CHUYENTUYEN", "CT-2025-9" }, { "GIAY_CHUYEN_TUYEN", "GCT-2025-9" },
        { "MA_CSKCB", Facility }, { "MA_NOI_DI", Facility }, { "MA_NOI_DEN", "79001" }, { "HO_TEN", "Nguyễn Văn An" },
        { "NGAY_SINH", "199505120000" }, { "GIOI_TINH", "1" }, { "MA_THE_BHYT", Card }, { "NGAY_VAO", "202503100800" },
        { "NGAY_RA", "202503101000" }, { "DAU_HIEU_LS", "Khó thở" }, { "QT_BENHLY", "Sốt 3 ngày" }, { "TOMTAT_KQ", "X-quang mờ" },
        { "MA_BENH_CHINH", "J18.9" }, { "TEN_DICH_VU", "Chụp X-quang" }, { "MA_LOAI_RV", "2" }, { "MA_LYDO_CT", "1" },
        { "HUONG_DIEU_TRI", "Điều trị tiếp" }, { "PHUONGTIEN_VC", "Xe cứu thương" }, { "MA_BAC_SI", "BS001" }, { "MA_TTDV", "TTDV01" },
    };

    public static FieldList Xml14() => new()
    {
        { "MA_LK", MaLk }, { "SO_GIAYHEN_KL", "HKL-2025-1" }, { "MA_CSKCB", Facility }, { "HO_TEN", "Nguyễn Văn An" },
        { "NGAY_SINH", "199505120000" }, { "GIOI_TINH", "1" }, { "MA_THE_BHYT", Card }, { "NGAY_VAO", "202503100800" },
        { "NGAY_RA", "202503101000" }, { "NGAY_HEN_KL", "202503170800" }, { "MA_BENH_CHINH", "J18.9" }, { "MA_BAC_SI", "BS001" },
        { "MA_TTDV", "TTDV01" }, { "NGAY_CT", "20250310" },
    };

    public static FieldList Xml15Row() => new()
    {
        { "MA_LK", MaLk }, { "STT", "1" }, { "MA_BN", "BN000123" }, { "PHANLOAI_LAO_VITRI", "1" }, { "PHANLOAI_LAO_TS", "1" },
        { "PHANLOAI_LAO_HIV", "0" }, { "PHANLOAI_LAO_VK", "1" }, { "PHANLOAI_LAO_KT", "1" }, { "LOAI_DTRI_LAO", "1" },
        { "NGAYBD_DTRI_LAO", "20250101" }, { "PHACDO_DTRI_LAO", "1" }, { "KET_QUA_DTRI_LAO", "1" }, { "BDDT_ARV", "20250102" },
        { "NGAY_BAT_DAU_DT_CTX", "20250103" }, { "MA_CSKCB", Facility },
    };

    public static FieldList CheckInRow(int stt) => new()
    {
        { "MA_LK", MaLk }, { "STT", stt.ToString(CultureInfo.InvariantCulture) }, { "MA_BN", "BN000123" }, { "HO_TEN", "Nguyễn Văn An" },
        { "SO_CCCD", PersonalId }, { "NGAY_SINH", "199505120000" }, { "GIOI_TINH", "1" }, { "MA_THE_BHYT", Card },
        { "MA_DKBD", Facility }, { "GT_THE_TU", "20250101" }, { "GT_THE_DEN", "20251231" }, { "MA_DOITUONG_KCB", "1" },
        { "NGAY_VAO", "202503100800" }, { "MA_LOAI_KCB", "01" }, { "MA_CSKCB", Facility }, { "MA_DICH_VU", "02.1896" },
        { "TEN_DICH_VU", "Khám Nội" }, { "NGAY_YL", "202503100810" },
    };

    /// <summary>An outpatient dossier: XML1, XML2 (2 rows), XML3, XML4, XML5.</summary>
    public static EnvelopeBuilder Outpatient(FieldList? xml1 = null) => new EnvelopeBuilder()
        .Table("XML1", TableXml.Single("XML1", xml1 ?? Xml1()))
        .Table("XML2", TableXml.List("XML2", [Xml2Row(1), Xml2Row(2)]))
        .Table("XML3", TableXml.List("XML3", [Xml3Row(1)]))
        .Table("XML4", TableXml.List("XML4", [Xml4Row(1)]))
        .Table("XML5", TableXml.List("XML5", [Xml5Row(1)]));

    /// <summary>An inpatient dossier with XML7 and XML8.</summary>
    public static EnvelopeBuilder Inpatient(FieldList? xml1 = null) => new EnvelopeBuilder()
        .Table("XML1", TableXml.Single("XML1", xml1 ?? Xml1Inpatient()))
        .Table("XML2", TableXml.List("XML2", [Xml2Row(1)]))
        .Table("XML3", TableXml.List("XML3", [Xml3Row(1)]))
        .Table("XML7", TableXml.Single("XML7", Xml7()))
        .Table("XML8", TableXml.Single("XML8", Xml8()));

    public static byte[] CheckIn(params FieldList[] rows) =>
        System.Text.Encoding.UTF8.GetBytes(TableXml.List("XML0", rows.Length == 0 ? [CheckInRow(1)] : rows));
}
