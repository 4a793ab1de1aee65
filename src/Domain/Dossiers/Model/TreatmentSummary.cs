namespace SoSucKhoe.Dossiers.Model;

/// <summary>XML1 (TONG_HOP): the summary of one visit or treatment episode.</summary>
public sealed class TreatmentSummary(TableRow row) : TableRecord(row)
{
    public string? Stt => Text("STT");
    public string? MaBn => Text("MA_BN");
    public string? HoTen => Text("HO_TEN");
    public string? SoCccd => Text("SO_CCCD");

    /// <summary>NGAY_SINH, with zeros for unknown parts reflected in <see cref="VnDateTime.Precision"/>.</summary>
    public VnDateTime? NgaySinh => BirthDate("NGAY_SINH");

    /// <summary>GIOI_TINH code: "1" male, "2" female, "3" not determined.</summary>
    public string? GioiTinh => Text("GIOI_TINH");
    public string? NhomMau => Text("NHOM_MAU");
    public string? MaQuocTich => Text("MA_QUOCTICH");
    public string? MaDanToc => Text("MA_DANTOC");
    public string? MaNgheNghiep => Text("MA_NGHE_NGHIEP");
    public string? DiaChi => Text("DIA_CHI");
    public string? MaTinhCuTru => Text("MATINH_CU_TRU");
    public string? MaHuyenCuTru => Text("MAHUYEN_CU_TRU");
    public string? MaXaCuTru => Text("MAXA_CU_TRU");
    public string? DienThoai => Text("DIEN_THOAI");

    /// <summary>MA_THE_BHYT: one or more card numbers separated by ';' (see <see cref="MultiValue.Split"/>).</summary>
    public string? MaTheBhyt => Text("MA_THE_BHYT");

    /// <summary>MA_DKBD: one or more facility codes separated by ';'.</summary>
    public string? MaDkbd => Text("MA_DKBD");

    /// <summary>GT_THE_TU: one or more yyyyMMdd dates separated by ';'.</summary>
    public string? GtTheTu => Text("GT_THE_TU");

    /// <summary>GT_THE_DEN: one or more yyyyMMdd dates separated by ';'.</summary>
    public string? GtTheDen => Text("GT_THE_DEN");
    public string? LyDoVv => Text("LY_DO_VV");
    public string? LyDoVnt => Text("LY_DO_VNT");
    public string? MaLyDoVnt => Text("MA_LY_DO_VNT");
    public string? ChanDoanVao => Text("CHAN_DOAN_VAO");
    public string? ChanDoanRv => Text("CHAN_DOAN_RV");
    public string? MaBenhChinh => Text("MA_BENH_CHINH");

    /// <summary>MA_BENH_KT: up to 12 ICD-10 codes separated by ';'.</summary>
    public string? MaBenhKt => Text("MA_BENH_KT");
    public string? MaBenhYhct => Text("MA_BENH_YHCT");

    /// <summary>MA_PTTT_QT: ICD-9 CM procedure codes separated by ';'.</summary>
    public string? MaPtttQt => Text("MA_PTTT_QT");
    public string? MaDoiTuongKcb => Text("MA_DOITUONG_KCB");
    public VnDateTime? NgayVao => Date("NGAY_VAO");
    public VnDateTime? NgayVaoNoiTru => Date("NGAY_VAO_NOI_TRU");
    public VnDateTime? NgayRa => Date("NGAY_RA");
    public string? GiayChuyenTuyen => Text("GIAY_CHUYEN_TUYEN");
    public int? SoNgayDtri => Integer("SO_NGAY_DTRI");
    public string? KetQuaDtri => Text("KET_QUA_DTRI");
    public string? MaLoaiRv => Text("MA_LOAI_RV");
    public VnDateTime? NgayTtoan => Date("NGAY_TTOAN");
    public decimal? TThuoc => Decimal("T_THUOC");
    public decimal? TVtyt => Decimal("T_VTYT");
    public decimal? TTongChiBv => Decimal("T_TONGCHI_BV");
    public decimal? TTongChiBh => Decimal("T_TONGCHI_BH");
    public decimal? TBntt => Decimal("T_BNTT");
    public decimal? TBncct => Decimal("T_BNCCT");
    public decimal? TBhtt => Decimal("T_BHTT");
    public decimal? TNguonKhac => Decimal("T_NGUONKHAC");
    public string? NamQt => Text("NAM_QT");
    public string? ThangQt => Text("THANG_QT");

    /// <summary>MA_LOAI_KCB, the visit type ("01" … "16"), leading zero kept.</summary>
    public string? MaLoaiKcb => Text("MA_LOAI_KCB");
    public string? MaKhoa => Text("MA_KHOA");
    public string? MaCskcb => Text("MA_CSKCB");
    public string? MaKhuVuc => Text("MA_KHUVUC");

    /// <summary>CAN_NANG in kilograms ('.' as decimal point).</summary>
    public decimal? CanNang => Decimal("CAN_NANG");

    /// <summary>NGAY_TAI_KHAM: one or more yyyyMMdd re-exam dates separated by ';'.</summary>
    public string? NgayTaiKham => Text("NGAY_TAI_KHAM");
    public string? MaHsba => Text("MA_HSBA");
    public string? MaTtdv => Text("MA_TTDV");
}
