namespace SoSucKhoe.Api.Book;

/// <summary>Vietnamese labels of the code lists a citizen sees in the book (QĐ 130/4750, QĐ 824).</summary>
public static class BookLabels
{
    private static readonly Dictionary<string, string> TreatmentResults = new(StringComparer.Ordinal)
    {
        ["1"] = "Khỏi",
        ["2"] = "Đỡ",
        ["3"] = "Không thay đổi",
        ["4"] = "Nặng hơn",
        ["5"] = "Tử vong",
        ["6"] = "Tiên lượng nặng xin về",
        ["7"] = "Chưa xác định",
        ["8"] = "Tử vong ngoại viện",
    };

    private static readonly Dictionary<string, string> DischargeTypes = new(StringComparer.Ordinal)
    {
        ["1"] = "Ra viện",
        ["2"] = "Chuyển tuyến theo yêu cầu chuyên môn",
        ["3"] = "Trốn viện",
        ["4"] = "Xin ra viện",
        ["5"] = "Chuyển tuyến theo yêu cầu người bệnh",
    };

    private static readonly Dictionary<string, string> VisitTypes = new(StringComparer.Ordinal)
    {
        ["01"] = "Khám bệnh",
        ["02"] = "Điều trị ngoại trú",
        ["03"] = "Điều trị nội trú",
        ["04"] = "Điều trị nội trú ban ngày",
        ["05"] = "Điều trị ngoại trú bệnh mạn tính (khám bệnh và lĩnh thuốc)",
        ["06"] = "Điều trị lưu tại trạm y tế tuyến xã",
        ["07"] = "Nhận thuốc theo hẹn",
        ["08"] = "Điều trị ngoại trú bệnh mạn tính (khám bệnh và thực hiện dịch vụ kỹ thuật)",
        ["09"] = "Điều trị nội trú dưới 4 giờ",
        ["10"] = "Các trường hợp khác",
    };

    /// <summary>KET_QUA_DTRI 1–8 ("1" Khỏi … "8" Tử vong ngoại viện); null for a blank code, "Mã x" for an unknown one.</summary>
    public static string? TreatmentResult(string? code) => Label(TreatmentResults, code);

    /// <summary>MA_LOAI_RV 1–5 ("1" Ra viện … "5" Chuyển tuyến theo yêu cầu người bệnh); null for a blank code, "Mã x" for an unknown one.</summary>
    public static string? DischargeType(string? code) => Label(DischargeTypes, code);

    /// <summary>MA_LOAI_KCB "01"–"10" (a one-digit code is read with its leading zero); null for a blank code, "Mã x" for an unknown one.</summary>
    public static string? VisitType(string? code) =>
        code is { Length: 1 } ? Label(VisitTypes, "0" + code) : Label(VisitTypes, code);

    private static string? Label(Dictionary<string, string> labels, string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }

        var trimmed = code.Trim();
        return labels.TryGetValue(trimmed, out var label) ? label : $"Mã {trimmed}";
    }
}
