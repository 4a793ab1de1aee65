namespace SoSucKhoe.Dossiers.Model;

/// <summary>XML7 (CHI_TIEU_DU_LIEU_GIAY_RA_VIEN): the discharge certificate.</summary>
public sealed class DischargeCertificate(TableRow row) : TableRecord(row)
{
    public string? SoLuuTru => Text("SO_LUU_TRU");
    public string? MaYte => Text("MA_YTE");
    public string? MaKhoaRv => Text("MA_KHOA_RV");
    public VnDateTime? NgayVao => Date("NGAY_VAO");
    public VnDateTime? NgayRa => Date("NGAY_RA");
    public string? ChanDoanRv => Text("CHAN_DOAN_RV");
    public string? PpDieuTri => Text("PP_DIEUTRI");
    public string? GhiChu => Text("GHI_CHU");
    public string? MaTtdv => Text("MA_TTDV");
    public string? MaBs => Text("MA_BS");
    public VnDateTime? NgayCt => Date("NGAY_CT");
    public int? SoNgayNghi => Integer("SO_NGAY_NGHI");
}
