namespace SoSucKhoe.Dossiers.Catalogues;

/// <summary>
/// The catalogue files the product ships: the repository's <c>catalogues/</c> folder (official lists, with their provenance in
/// PROVENANCE.md), copied into a <c>catalogues</c> folder beside every program that references this library, so that the hub,
/// its tools and its tests find them wherever they are started from.
/// </summary>
public static class CatalogueFiles
{
    /// <summary>Fields of tables XML0 … XML15 as amended by QĐ 4750/QĐ-BYT.</summary>
    public const string FieldRulesQd4750 = "xml-fields-qd4750.csv";

    /// <summary>Fields of tables XML1 … XML15 as amended by QĐ 3176/QĐ-BYT (episodes from 01/01/2025).</summary>
    public const string FieldRulesQd3176 = "xml-fields-qd3176.csv";

    /// <summary>The Ministry's ICD-10 catalogue (QĐ 4469/QĐ-BYT).</summary>
    public const string Icd10 = "icd10-qd4469.csv";

    /// <summary>ICD-10 codes valid for women only.</summary>
    public const string Icd10FemaleOnly = "icd10-female-only.csv";

    /// <summary>ICD-10 codes valid for men only.</summary>
    public const string Icd10MaleOnly = "icd10-male-only.csv";

    /// <summary>Provinces, districts and communes as of 11/06/2024 (63 provinces).</summary>
    public const string AdministrativeUnits2024 = "admin-units-2024-06-11.csv";

    /// <summary>Provinces and communes from 01/07/2025 (34 provinces, no district level).</summary>
    public const string AdministrativeUnits2025 = "admin-units-2025-07-01.csv";

    /// <summary>The folder of shipped catalogues beside the running program.</summary>
    public static string ShippedDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "catalogues");

    /// <summary>The full path of a shipped catalogue file.</summary>
    public static string Shipped(string fileName) => Path.Combine(ShippedDirectory, fileName);
}
