namespace SoSucKhoe.TestData;

/// <summary>Common Vietnamese family, middle and given name parts used to compose synthetic names.</summary>
public static class VietnameseNames
{
    public static IReadOnlyList<string> FamilyNames { get; } =
    [
        "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng",
        "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Điểu", "Thị", "Lâm", "Trương",
    ];

    public static IReadOnlyList<string> MaleMiddleNames { get; } =
        ["Văn", "Hữu", "Đức", "Minh", "Quốc", "Thành", "Công", "Gia", "Xuân", "Hoàng"];

    public static IReadOnlyList<string> FemaleMiddleNames { get; } =
        ["Thị", "Ngọc", "Thu", "Thanh", "Kim", "Mỹ", "Bảo", "Diệu", "Khánh", "Hồng"];

    public static IReadOnlyList<string> MaleGivenNames { get; } =
    [
        "An", "Bình", "Cường", "Dũng", "Hải", "Hùng", "Khoa", "Long", "Nam", "Phúc",
        "Quang", "Sơn", "Tuấn", "Việt", "Thắng", "Trung", "Đạt", "Huy", "Khang", "Lộc",
    ];

    public static IReadOnlyList<string> FemaleGivenNames { get; } =
    [
        "Anh", "Châu", "Dung", "Hà", "Hằng", "Hoa", "Lan", "Linh", "Mai", "Ngân",
        "Nhung", "Phương", "Thảo", "Trang", "Vy", "Yến", "Oanh", "Tuyết", "Hương", "Quỳnh",
    ];

    /// <summary>Composes "Family Middle Given" for the given sex.</summary>
    public static string Compose(Random random, Sex sex)
    {
        var female = sex == Sex.Female;
        var family = random.Pick(FamilyNames);
        var middle = random.Pick(female ? FemaleMiddleNames : MaleMiddleNames);
        var given = random.Pick(female ? FemaleGivenNames : MaleGivenNames);
        return $"{family} {middle} {given}";
    }
}
