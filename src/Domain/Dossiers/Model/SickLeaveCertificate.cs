namespace SoSucKhoe.Dossiers.Model;

/// <summary>XML11 (CHI_TIEU_DU_LIEU_GIAY_CHUNG_NHAN_NGHI_VIEC_HUONG_BAO_HIEM_XA_HOI): the social-insurance sick-leave certificate.</summary>
public sealed class SickLeaveCertificate(TableRow row) : TableRecord(row)
{
    public string? SoCt => Text("SO_CT");
    public string? SoSeri => Text("SO_SERI");
    public string? SoKcb => Text("SO_KCB");
    public string? DonVi => Text("DON_VI");
    public string? MaBhxh => Text("MA_BHXH");
    public string? MaTheBhyt => Text("MA_THE_BHYT");
    public string? ChanDoanRv => Text("CHAN_DOAN_RV");
    public int? SoNgayNghi => Integer("SO_NGAY_NGHI");
    public VnDateTime? TuNgay => Date("TU_NGAY");
    public VnDateTime? DenNgay => Date("DEN_NGAY");
    public string? MaBs => Text("MA_BS");
    public VnDateTime? NgayCt => Date("NGAY_CT");
    public string? MauSo => Text("MAU_SO");
}
