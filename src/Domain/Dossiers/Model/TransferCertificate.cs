namespace SoSucKhoe.Dossiers.Model;

/// <summary>
/// XML13 (CHI_TIEU_GIAYCHUYENTUYEN): the referral (transfer) certificate. QĐ 3176 renamed MA_NOI_DI, MA_NOI_DEN and PP_DIEU_TRI
/// (MA_CSKCB_DI, MA_CSKCB_DEN, TINH_TRANG_CT); the properties read whichever name the dossier's standard uses.
/// </summary>
public sealed class TransferCertificate(TableRow row) : TableRecord(row)
{
    public string? SoHoSo => Text("SO_HOSO");
    public string? SoChuyenTuyen => Text("SO_CHUYENTUYEN");
    public string? GiayChuyenTuyen => Text("GIAY_CHUYEN_TUYEN");
    public string? MaCskcb => Text("MA_CSKCB");
    /// <summary>Where the patient came from: MA_CSKCB_DI (QĐ 3176, several codes separated by ';') or MA_NOI_DI (QĐ 4750).</summary>
    public string? MaNoiDi => Text("MA_CSKCB_DI") ?? Text("MA_NOI_DI");

    /// <summary>The facility the patient is transferred to: MA_CSKCB_DEN (QĐ 3176) or MA_NOI_DEN (QĐ 4750).</summary>
    public string? MaNoiDen => Text("MA_CSKCB_DEN") ?? Text("MA_NOI_DEN");

    /// <summary>The patient's condition at the transfer (QĐ 3176 TINH_TRANG_CT), or null under QĐ 4750.</summary>
    public string? TinhTrangCt => Text("TINH_TRANG_CT");
    public VnDateTime? NgayVao => Date("NGAY_VAO");
    public VnDateTime? NgayRa => Date("NGAY_RA");
    public string? ChanDoanRv => Text("CHAN_DOAN_RV");
    public string? MaBenhChinh => Text("MA_BENH_CHINH");
    public string? MaBenhKt => Text("MA_BENH_KT");
    public string? MaLoaiRv => Text("MA_LOAI_RV");
    public string? MaLyDoCt => Text("MA_LYDO_CT");
    public string? HuongDieuTri => Text("HUONG_DIEU_TRI");
    public string? MaBacSi => Text("MA_BAC_SI");
}
