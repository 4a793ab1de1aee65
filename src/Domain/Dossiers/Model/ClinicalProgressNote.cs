namespace SoSucKhoe.Dossiers.Model;

/// <summary>XML5 (CHI_TIET_DIEN_BIEN_BENH): one clinical progress note.</summary>
public sealed class ClinicalProgressNote(TableRow row) : TableRecord(row)
{
    public string? Stt => Text("STT");
    public string? DienBienLs => Text("DIEN_BIEN_LS");
    public string? GiaiDoanBenh => Text("GIAI_DOAN_BENH");
    public string? HoiChan => Text("HOI_CHAN");
    public string? PhauThuat => Text("PHAU_THUAT");
    public VnDateTime? ThoiDiemDbls => Date("THOI_DIEM_DBLS");
    public string? NguoiThucHien => Text("NGUOI_THUC_HIEN");
}
