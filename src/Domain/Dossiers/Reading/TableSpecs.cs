namespace SoSucKhoe.Dossiers.Reading;

/// <summary>The skeletons of every table a HIS may send (XML12 is never sent by a HIS and has none here).</summary>
public static class TableSpecs
{
    public static TableSpec CheckIn { get; } = new(TableCodes.Xml0, "CHI_TIEU_TRANG_THAI_KCB", "DSACH_TRANG_THAI_KCB", "TRANG_THAI_KCB");

    private static readonly Dictionary<string, TableSpec> ByCode = new(StringComparer.Ordinal)
    {
        [TableCodes.Xml1] = new(TableCodes.Xml1, "TONG_HOP", null, null),
        [TableCodes.Xml2] = new(TableCodes.Xml2, "CHITIEU_CHITIET_THUOC", "DSACH_CHI_TIET_THUOC", "CHI_TIET_THUOC"),
        [TableCodes.Xml3] = new(TableCodes.Xml3, "CHITIEU_CHITIET_DVKT_VTYT", "DSACH_CHI_TIET_DVKT", "CHI_TIET_DVKT"),
        [TableCodes.Xml4] = new(TableCodes.Xml4, "CHITIEU_CHITIET_DICHVUCANLAMSANG", "DSACH_CHI_TIET_CLS", "CHI_TIET_CLS"),
        [TableCodes.Xml5] = new(TableCodes.Xml5, "CHITIEU_CHITIET_DIENBIENLAMSANG", "DSACH_CHI_TIET_DIEN_BIEN_BENH", "CHI_TIET_DIEN_BIEN_BENH"),
        [TableCodes.Xml6] = new(TableCodes.Xml6, "CHI_TIEU_HO_SO_BENH_AN_CHAM_SOC_VA_DIEU_TRI_HIV_AIDS", "DSACH_HO_SO_BENH_AN_CHAM_SOC_VA_DIEU_TRI_HIV_AIDS", "HO_SO_BENH_AN_CHAM_SOC_VA_DIEU_TRI_HIV_AIDS"),
        [TableCodes.Xml7] = new(TableCodes.Xml7, "CHI_TIEU_DU_LIEU_GIAY_RA_VIEN", null, null),
        [TableCodes.Xml8] = new(TableCodes.Xml8, "CHI_TIEU_DU_LIEU_TOM_TAT_HO_SO_BENH_AN", null, null),
        [TableCodes.Xml9] = new(TableCodes.Xml9, "CHI_TIEU_DU_LIEU_GIAY_CHUNG_SINH", "DSACH_GIAYCHUNGSINH", "DU_LIEU_GIAY_CHUNG_SINH"),
        [TableCodes.Xml10] = new(TableCodes.Xml10, "CHI_TIEU_DU_LIEU_GIAY_NGHI_DUONG_THAI", null, null),
        [TableCodes.Xml11] = new(TableCodes.Xml11, "CHI_TIEU_DU_LIEU_GIAY_CHUNG_NHAN_NGHI_VIEC_HUONG_BAO_HIEM_XA_HOI", null, null),
        [TableCodes.Xml13] = new(TableCodes.Xml13, "CHI_TIEU_GIAYCHUYENTUYEN", null, null),
        [TableCodes.Xml14] = new(TableCodes.Xml14, "CHI_TIEU_GIAYHEN_KHAMLAI", null, null),
        [TableCodes.Xml15] = new(TableCodes.Xml15, "CHI_TIEU_DIEUTRI_BENHLAO", "DSACH_CHITIET_DIEUTRI_BENHLAO", "CHITIET_DIEUTRI_BENHLAO"),
    };

    /// <summary>All tables that may travel inside a GIAMDINHHS envelope.</summary>
    public static IReadOnlyCollection<TableSpec> DossierTables => ByCode.Values;

    /// <summary>The skeleton of a dossier table (XML1 … XML15 except XML12).</summary>
    public static bool TryGet(string code, out TableSpec spec) => ByCode.TryGetValue(code, out spec!);

    public static TableSpec Get(string code) =>
        ByCode.TryGetValue(code, out var spec) ? spec : throw new ArgumentException($"Unknown dossier table '{code}'.", nameof(code));
}
