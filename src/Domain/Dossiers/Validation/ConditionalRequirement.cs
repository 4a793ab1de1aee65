using SoSucKhoe.Dossiers.Model;

namespace SoSucKhoe.Dossiers.Validation;

/// <summary>A field required only under a condition on other fields of the same row (the catalogue's conditional sentences).</summary>
internal sealed record ConditionalRequirement(string Table, string Field, Func<TableRow, bool> Applies, string Condition)
{
    /// <summary>The conditions of QĐ 130/4750 that can be expressed simply.</summary>
    public static IReadOnlyList<ConditionalRequirement> All { get; } =
    [
        new(TableCodes.Xml0, "LY_DO_VNT", r => r.HasValue("NGAY_VAO_NOI_TRU"), "when NGAY_VAO_NOI_TRU is present"),
        new(TableCodes.Xml1, "LY_DO_VNT", r => r.HasValue("NGAY_VAO_NOI_TRU"), "when NGAY_VAO_NOI_TRU is present"),
        new(TableCodes.Xml0, "MA_DICH_VU", r => !r.HasValue("MA_THUOC") && !r.HasValue("MA_VAT_TU"), "(one of MA_DICH_VU, MA_THUOC or MA_VAT_TU must be present)"),
        new(TableCodes.Xml0, "TEN_DICH_VU", r => r.HasValue("MA_DICH_VU"), "when MA_DICH_VU is present"),
        new(TableCodes.Xml0, "TEN_THUOC", r => r.HasValue("MA_THUOC"), "when MA_THUOC is present"),
        new(TableCodes.Xml0, "TEN_VAT_TU", r => r.HasValue("MA_VAT_TU"), "when MA_VAT_TU is present"),
        new(TableCodes.Xml2, "TT_THAU", r => r.HasValue("MA_NHOM") && !CodeIn(r["MA_NHOM"], "7", "17"), "unless MA_NHOM is 7 or 17"),
        new(TableCodes.Xml3, "MA_XANG_DAU", r => CodeIn(r["MA_NHOM"], "12"), "when MA_NHOM is 12"),
        new(TableCodes.Xml3, "TT_THAU", r => CodeIn(r["MA_NHOM"], "10"), "when MA_NHOM is 10"),
        new(TableCodes.Xml3, "NGUOI_THUC_HIEN", r => CodeIn(r["MA_NHOM"], "1", "2", "3", "8", "18"), "when MA_NHOM is 1, 2, 3, 8 or 18"),
        new(TableCodes.Xml3, "NGAY_TH_YL", r => CodeIn(r["MA_NHOM"], "1", "2", "3", "8", "18"), "when MA_NHOM is 1, 2, 3, 8 or 18"),
        new(TableCodes.Xml4, "NGAY_KQ", r => r.HasValue("GIA_TRI"), "when GIA_TRI is present"),
        new(TableCodes.Xml7, "NGUYENNHAN_DINHCHI", r => CodeIn(r["MA_DINH_CHI_THAI"], "1"), "when MA_DINH_CHI_THAI is 1"),
        new(TableCodes.Xml7, "THOIGIAN_DINHCHI", r => CodeIn(r["MA_DINH_CHI_THAI"], "1"), "when MA_DINH_CHI_THAI is 1"),
        new(TableCodes.Xml7, "TUOI_THAI", r => CodeIn(r["MA_DINH_CHI_THAI"], "1"), "when MA_DINH_CHI_THAI is 1"),
        new(TableCodes.Xml11, "NGUYENNHAN_DINHCHI", r => CodeIn(r["MA_DINH_CHI_THAI"], "1"), "when MA_DINH_CHI_THAI is 1"),
        new(TableCodes.Xml11, "TUOI_THAI", r => CodeIn(r["MA_DINH_CHI_THAI"], "1"), "when MA_DINH_CHI_THAI is 1"),
    ];

    /// <summary>Compares numeric codes ignoring leading zeros ("07" equals "7").</summary>
    internal static bool CodeIn(string? value, params ReadOnlySpan<string> codes)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        var v = value.AsSpan().Trim().TrimStart('0');
        foreach (var code in codes)
        {
            if (v.SequenceEqual(code))
            {
                return true;
            }
        }

        return false;
    }
}
