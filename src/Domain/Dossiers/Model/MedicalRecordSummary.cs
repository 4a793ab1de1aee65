namespace SoSucKhoe.Dossiers.Model;

/// <summary>XML8 (CHI_TIEU_DU_LIEU_TOM_TAT_HO_SO_BENH_AN): the medical record summary.</summary>
public sealed class MedicalRecordSummary(TableRow row) : TableRecord(row)
{
    public string? MaLoaiKcb => Text("MA_LOAI_KCB");
    public VnDateTime? NgayVao => Date("NGAY_VAO");
    public VnDateTime? NgayRa => Date("NGAY_RA");
    public string? ChanDoanVao => Text("CHAN_DOAN_VAO");
    public string? ChanDoanRv => Text("CHAN_DOAN_RV");
    public string? QtBenhLy => Text("QT_BENHLY");
    public string? TomTatKq => Text("TOMTAT_KQ");
    public string? PpDieuTri => Text("PP_DIEUTRI");
    public string? KetQuaDtri => Text("KET_QUA_DTRI");
    public string? GhiChu => Text("GHI_CHU");
    public string? MaTtdv => Text("MA_TTDV");
    public VnDateTime? NgayCt => Date("NGAY_CT");
}
