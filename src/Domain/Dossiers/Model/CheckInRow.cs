namespace SoSucKhoe.Dossiers.Model;

/// <summary>XML0 (TRANG_THAI_KCB): one check-in status row.</summary>
public sealed class CheckInRow(TableRow row) : TableRecord(row)
{
    public string? Stt => Text("STT");
    public string? MaBn => Text("MA_BN");
    public string? HoTen => Text("HO_TEN");
    public string? SoCccd => Text("SO_CCCD");
    public VnDateTime? NgaySinh => BirthDate("NGAY_SINH");
    public string? GioiTinh => Text("GIOI_TINH");
    public string? MaTheBhyt => Text("MA_THE_BHYT");
    public string? MaDkbd => Text("MA_DKBD");
    public VnDateTime? GtTheTu => Date("GT_THE_TU");
    public VnDateTime? GtTheDen => Date("GT_THE_DEN");
    public string? MaDoiTuongKcb => Text("MA_DOITUONG_KCB");
    public VnDateTime? NgayVao => Date("NGAY_VAO");
    public VnDateTime? NgayVaoNoiTru => Date("NGAY_VAO_NOI_TRU");
    public string? LyDoVnt => Text("LY_DO_VNT");
    public string? MaLyDoVnt => Text("MA_LY_DO_VNT");
    public string? MaLoaiKcb => Text("MA_LOAI_KCB");
    public string? MaCskcb => Text("MA_CSKCB");
    public string? MaDichVu => Text("MA_DICH_VU");
    public string? TenDichVu => Text("TEN_DICH_VU");
    public string? MaThuoc => Text("MA_THUOC");
    public string? TenThuoc => Text("TEN_THUOC");
    public string? MaVatTu => Text("MA_VAT_TU");
    public string? TenVatTu => Text("TEN_VAT_TU");
    public VnDateTime? NgayYl => Date("NGAY_YL");
}
