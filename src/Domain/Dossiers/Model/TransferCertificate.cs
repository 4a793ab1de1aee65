namespace SoSucKhoe.Dossiers.Model;

/// <summary>XML13 (CHI_TIEU_GIAYCHUYENTUYEN): the referral (transfer) certificate.</summary>
public sealed class TransferCertificate(TableRow row) : TableRecord(row)
{
    public string? SoHoSo => Text("SO_HOSO");
    public string? SoChuyenTuyen => Text("SO_CHUYENTUYEN");
    public string? GiayChuyenTuyen => Text("GIAY_CHUYEN_TUYEN");
    public string? MaCskcb => Text("MA_CSKCB");
    public string? MaNoiDi => Text("MA_NOI_DI");
    public string? MaNoiDen => Text("MA_NOI_DEN");
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
