namespace SoSucKhoe.TestData;

/// <summary>Sex as written in GIOI_TINH (1 = male, 2 = female, 3 = not determined).</summary>
public enum Sex
{
    Male = 1,
    Female = 2,
    Undetermined = 3,
}
