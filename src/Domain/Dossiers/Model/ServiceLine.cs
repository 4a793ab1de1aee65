namespace SoSucKhoe.Dossiers.Model;

/// <summary>XML3 (CHI_TIET_DVKT): one technical service or medical supply line.</summary>
public sealed class ServiceLine(TableRow row) : TableRecord(row)
{
    public string? Stt => Text("STT");
    public string? MaDichVu => Text("MA_DICH_VU");
    public string? MaPtttQt => Text("MA_PTTT_QT");
    public string? MaVatTu => Text("MA_VAT_TU");
    public string? MaNhom => Text("MA_NHOM");
    public string? TenVatTu => Text("TEN_VAT_TU");
    public string? TenDichVu => Text("TEN_DICH_VU");
    public string? DonViTinh => Text("DON_VI_TINH");
    public decimal? SoLuong => Decimal("SO_LUONG");
    public decimal? DonGiaBv => Decimal("DON_GIA_BV");
    public decimal? ThanhTienBv => Decimal("THANH_TIEN_BV");
    public decimal? ThanhTienBh => Decimal("THANH_TIEN_BH");
    public string? MaKhoa => Text("MA_KHOA");
    public string? MaBacSi => Text("MA_BAC_SI");
    public string? MaBenh => Text("MA_BENH");
    public VnDateTime? NgayYl => Date("NGAY_YL");
    public VnDateTime? NgayThYl => Date("NGAY_TH_YL");
    public VnDateTime? NgayKq => Date("NGAY_KQ");
}
