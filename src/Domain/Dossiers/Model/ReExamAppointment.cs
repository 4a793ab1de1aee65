namespace SoSucKhoe.Dossiers.Model;

/// <summary>XML14 (CHI_TIEU_GIAYHEN_KHAMLAI): the re-examination appointment.</summary>
public sealed class ReExamAppointment(TableRow row) : TableRecord(row)
{
    public string? SoGiayHenKl => Text("SO_GIAYHEN_KL");
    public string? MaCskcb => Text("MA_CSKCB");
    public VnDateTime? NgayVao => Date("NGAY_VAO");
    public VnDateTime? NgayRa => Date("NGAY_RA");
    public VnDateTime? NgayHenKl => Date("NGAY_HEN_KL");
    public string? ChanDoanRv => Text("CHAN_DOAN_RV");
    public string? MaBenhChinh => Text("MA_BENH_CHINH");
    public string? MaBenhKt => Text("MA_BENH_KT");
    public string? MaBacSi => Text("MA_BAC_SI");
    public VnDateTime? NgayCt => Date("NGAY_CT");
}
