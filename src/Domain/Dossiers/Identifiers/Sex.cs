namespace SoSucKhoe.Dossiers.Identifiers;

/// <summary>Sex as coded by GIOI_TINH (1 male, 2 female, 3 not determined).</summary>
public enum Sex
{
    Male = 1,
    Female = 2,
    Unknown = 3,
}
