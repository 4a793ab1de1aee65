namespace SoSucKhoe.TestData;

/// <summary>A synthetic drug item (codes and prices are invented but shaped like real ones).</summary>
internal sealed record DrugItem(string Code, string Name, string Unit, string Strength, string Route, string Form, decimal Price);

/// <summary>A synthetic service or material item; <see cref="IsMaterial"/> items go to MA_VAT_TU.</summary>
internal sealed record ServiceItem(string Code, string Name, int Group, string Unit, decimal Price, bool IsMaterial = false)
{
    /// <summary>Lab (1), imaging (2), functional test (3), surgery (8), procedure (18): performer and execution time required.</summary>
    public bool NeedsPerformer => Group is 1 or 2 or 3 or 8 or 18;
}

/// <summary>A lab index reported in XML4.</summary>
internal sealed record LabIndex(string Code, string Name, string Unit, double Low, double High);

/// <summary>Synthetic catalogue of drugs, services and materials used by the generator.</summary>
internal static class MedicalCatalog
{
    public static IReadOnlyList<DrugItem> Drugs { get; } =
    [
        new("40.1", "Paracetamol", "Viên", "500mg", "1.01", "Viên nén", 500m),
        new("40.48", "Amoxicilin", "Viên", "500mg", "1.01", "Viên nang", 1_200m),
        new("40.479", "Omeprazol", "Viên", "20mg", "1.01", "Viên nang", 900m),
        new("40.525", "Metformin", "Viên", "850mg", "1.01", "Viên nén", 700m),
        new("40.364", "Amlodipin", "Viên", "5mg", "1.01", "Viên nén", 400m),
        new("40.1014", "Natri clorid 0,9%", "Chai", "500ml", "2.15", "Dung dịch tiêm truyền", 9_500m),
        new("40.226", "Ceftriaxon", "Lọ", "1g", "2.10", "Bột pha tiêm", 18_000m),
        new("40.617", "Vitamin B1", "Viên", "100mg", "1.01", "Viên nén", 150m),
        new("40.1020", "Glucose 5%", "Chai", "500ml", "2.15", "Dung dịch tiêm truyền", 11_000m),
        new("40.73", "Loratadin", "Viên", "10mg", "1.01", "Viên nén", 350m),
    ];

    public static ServiceItem Exam { get; } = new("02.1896", "Khám Nội", 13, "Lần", 38_700m);

    public static ServiceItem BedDay { get; } = new("K03.1913", "Ngày giường bệnh Nội khoa", 15, "Ngày", 215_000m);

    public static IReadOnlyList<ServiceItem> Others { get; } =
    [
        new("22.0120.1370", "Tổng phân tích tế bào máu ngoại vi", 1, "Lần", 46_200m),
        new("23.0075.1494", "Định lượng Glucose máu", 1, "Lần", 21_500m),
        new("23.0158.1506", "Định lượng Creatinin máu", 1, "Lần", 21_500m),
        new("18.0001.0001", "Chụp X-quang ngực thẳng", 2, "Lần", 65_400m),
        new("18.0119.0001", "Siêu âm ổ bụng", 2, "Lần", 43_900m),
        new("02.0085.1778", "Điện tim thường", 3, "Lần", 32_800m),
        new("03.3826.0211", "Thay băng vết thương", 18, "Lần", 57_600m),
        new("N03.04.010", "Bơm tiêm nhựa 5ml", 10, "Cái", 1_200m, IsMaterial: true),
        new("N03.05.070", "Kim luồn tĩnh mạch", 10, "Cái", 9_000m, IsMaterial: true),
        new("N02.01.050", "Bông y tế", 10, "Gói", 5_000m, IsMaterial: true),
    ];

    public static ServiceItem Surgery { get; } = new("10.0617.0520", "Phẫu thuật nội soi cắt ruột thừa", 8, "Lần", 2_765_000m);

    public static IReadOnlyList<LabIndex> LabIndexesFor(string serviceCode) => serviceCode switch
    {
        "22.0120.1370" =>
        [
            new("WBC", "Số lượng bạch cầu", "G/L", 4, 10),
            new("RBC", "Số lượng hồng cầu", "T/L", 3.8, 5.5),
            new("HGB", "Huyết sắc tố", "g/L", 120, 160),
        ],
        "23.0075.1494" => [new("GLU", "Glucose", "mmol/L", 3.9, 6.4)],
        "23.0158.1506" => [new("CRE", "Creatinin", "µmol/L", 62, 120)],
        _ => [new("KQ", "Kết quả", string.Empty, 0, 1)],
    };
}
