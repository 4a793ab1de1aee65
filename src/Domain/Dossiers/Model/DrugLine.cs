namespace SoSucKhoe.Dossiers.Model;

/// <summary>XML2 (CHI_TIET_THUOC): one drug line.</summary>
public sealed class DrugLine(TableRow row) : TableRecord(row)
{
    public string? Stt => Text("STT");
    public string? MaThuoc => Text("MA_THUOC");
    public string? MaNhom => Text("MA_NHOM");
    public string? TenThuoc => Text("TEN_THUOC");
    public string? DonViTinh => Text("DON_VI_TINH");
    public string? HamLuong => Text("HAM_LUONG");
    public string? DuongDung => Text("DUONG_DUNG");
    public string? LieuDung => Text("LIEU_DUNG");
    public string? CachDung => Text("CACH_DUNG");
    public string? SoDangKy => Text("SO_DANG_KY");
    public decimal? SoLuong => Decimal("SO_LUONG");
    public decimal? DonGia => Decimal("DON_GIA");
    public decimal? ThanhTienBv => Decimal("THANH_TIEN_BV");
    public decimal? ThanhTienBh => Decimal("THANH_TIEN_BH");
    public string? MaKhoa => Text("MA_KHOA");
    public string? MaBacSi => Text("MA_BAC_SI");
    public VnDateTime? NgayYl => Date("NGAY_YL");
    public VnDateTime? NgayThYl => Date("NGAY_TH_YL");
}
