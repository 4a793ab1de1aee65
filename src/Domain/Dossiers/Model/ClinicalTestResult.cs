namespace SoSucKhoe.Dossiers.Model;

/// <summary>XML4 (CHI_TIET_CLS): one paraclinical result (laboratory or imaging index).</summary>
public sealed class ClinicalTestResult(TableRow row) : TableRecord(row)
{
    public string? Stt => Text("STT");
    public string? MaDichVu => Text("MA_DICH_VU");
    public string? MaChiSo => Text("MA_CHI_SO");
    public string? TenChiSo => Text("TEN_CHI_SO");
    public string? GiaTri => Text("GIA_TRI");
    public string? DonViDo => Text("DON_VI_DO");
    public string? MoTa => Text("MO_TA");
    public string? KetLuan => Text("KET_LUAN");
    public VnDateTime? NgayKq => Date("NGAY_KQ");
    public string? MaBsDocKq => Text("MA_BS_DOC_KQ");
}
