namespace SoSucKhoe.TestData;

/// <summary>A small built-in list of common ICD-10 codes and helpers for their dotted/undotted forms.</summary>
public static class DiagnosisCodes
{
    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        ["J06.9"] = "Viêm đường hô hấp trên cấp",
        ["I10"] = "Tăng huyết áp",
        ["E11.9"] = "Đái tháo đường típ 2",
        ["K29.7"] = "Viêm dạ dày",
        ["A09"] = "Tiêu chảy nhiễm khuẩn",
        ["J18.9"] = "Viêm phổi",
        ["M54.5"] = "Đau thắt lưng",
        ["N39.0"] = "Nhiễm khuẩn tiết niệu",
        ["K35.8"] = "Viêm ruột thừa cấp",
        ["S52.5"] = "Gãy đầu dưới xương quay",
    };

    /// <summary>Dotted codes of the built-in list.</summary>
    public static IReadOnlyList<string> Common { get; } = [.. Labels.Keys];

    public static string Undotted(string code) => code.Replace(".", string.Empty, StringComparison.Ordinal);

    public static string Dotted(string code)
    {
        var plain = Undotted(code);
        return plain.Length > 3 ? $"{plain[..3]}.{plain[3..]}" : plain;
    }

    /// <summary>A short human label for a code (built-in label or a generic one).</summary>
    public static string Label(string code) =>
        Labels.TryGetValue(Dotted(code), out var label) ? label : $"Bệnh mã {Dotted(code)}";
}
