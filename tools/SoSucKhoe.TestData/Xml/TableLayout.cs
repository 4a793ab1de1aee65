namespace SoSucKhoe.TestData;

/// <summary>
/// Element names of one table of the national format: the root, and for multi-row tables the list
/// and row elements (e.g. XML2: CHITIEU_CHITIET_THUOC / DSACH_CHI_TIET_THUOC / CHI_TIET_THUOC).
/// Single-record tables hold their fields directly under the root.
/// </summary>
public sealed record TableLayout(string Type, string Root, string? List, string? Row)
{
    public static TableLayout Xml0 { get; } = new("XML0", "CHI_TIEU_TRANG_THAI_KCB", "DSACH_TRANG_THAI_KCB", "TRANG_THAI_KCB");
    public static TableLayout Xml1 { get; } = new("XML1", "TONG_HOP", null, null);
    public static TableLayout Xml2 { get; } = new("XML2", "CHITIEU_CHITIET_THUOC", "DSACH_CHI_TIET_THUOC", "CHI_TIET_THUOC");
    public static TableLayout Xml3 { get; } = new("XML3", "CHITIEU_CHITIET_DVKT_VTYT", "DSACH_CHI_TIET_DVKT", "CHI_TIET_DVKT");
    public static TableLayout Xml4 { get; } = new("XML4", "CHITIEU_CHITIET_DICHVUCANLAMSANG", "DSACH_CHI_TIET_CLS", "CHI_TIET_CLS");
    public static TableLayout Xml5 { get; } = new("XML5", "CHITIEU_CHITIET_DIENBIENLAMSANG", "DSACH_CHI_TIET_DIEN_BIEN_BENH", "CHI_TIET_DIEN_BIEN_BENH");
    public static TableLayout Xml6 { get; } = new("XML6", "CHI_TIEU_HO_SO_BENH_AN_CHAM_SOC_VA_DIEU_TRI_HIV_AIDS", "DSACH_HO_SO_BENH_AN_CHAM_SOC_VA_DIEU_TRI_HIV_AIDS", "HO_SO_BENH_AN_CHAM_SOC_VA_DIEU_TRI_HIV_AIDS");
    public static TableLayout Xml7 { get; } = new("XML7", "CHI_TIEU_DU_LIEU_GIAY_RA_VIEN", null, null);
    public static TableLayout Xml8 { get; } = new("XML8", "CHI_TIEU_DU_LIEU_TOM_TAT_HO_SO_BENH_AN", null, null);
    public static TableLayout Xml9 { get; } = new("XML9", "CHI_TIEU_DU_LIEU_GIAY_CHUNG_SINH", "DSACH_GIAYCHUNGSINH", "DU_LIEU_GIAY_CHUNG_SINH");
    public static TableLayout Xml10 { get; } = new("XML10", "CHI_TIEU_DU_LIEU_GIAY_NGHI_DUONG_THAI", null, null);
    public static TableLayout Xml11 { get; } = new("XML11", "CHI_TIEU_DU_LIEU_GIAY_CHUNG_NHAN_NGHI_VIEC_HUONG_BAO_HIEM_XA_HOI", null, null);
    public static TableLayout Xml12 { get; } = new("XML12", "CHI_TIEU_DU_LIEU_GIAM_DINH_Y_KHOA", null, null);
    public static TableLayout Xml13 { get; } = new("XML13", "CHI_TIEU_GIAYCHUYENTUYEN", null, null);
    public static TableLayout Xml14 { get; } = new("XML14", "CHI_TIEU_GIAYHEN_KHAMLAI", null, null);
    public static TableLayout Xml15 { get; } = new("XML15", "CHI_TIEU_DIEUTRI_BENHLAO", "DSACH_CHITIET_DIEUTRI_BENHLAO", "CHITIET_DIEUTRI_BENHLAO");

    public static IReadOnlyList<TableLayout> All { get; } =
        [Xml0, Xml1, Xml2, Xml3, Xml4, Xml5, Xml6, Xml7, Xml8, Xml9, Xml10, Xml11, Xml12, Xml13, Xml14, Xml15];

    public bool IsMultiRow => Row is not null;

    public static TableLayout Get(string type) =>
        All.FirstOrDefault(t => string.Equals(t.Type, type, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"Unknown table type '{type}'.", nameof(type));
}
