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

    /// <summary>The data standards and the episodes each governs (standards.csv), naming their field lists.</summary>
    public const string Standards = "standards.csv";

    /// <summary>Changes after 01/07/2025 that rename units without new codes (Thành phố Đồng Nai from 30/04/2026).</summary>
    public const string AdministrativeUnitChanges = "admin-units-later-changes.csv";

    /// <summary>The communes of former Bình Phước (70) and the communes of Đồng Nai (75) they became on 01/07/2025.</summary>
    public const string CommuneMapping = "bp-commune-mapping.csv";

    /// <summary>MA_DOITUONG_KCB (visit subject) by date: QĐ 3276/QĐ-BYT from 01/07/2025.</summary>
    public const string VisitSubjects = "codes-ma-doituong-kcb.csv";

    /// <summary>MA_LOAI_KCB (visit type) by date: QĐ 824/QĐ-BYT, then QĐ 1804/QĐ-BYT.</summary>
    public const string VisitTypes = "codes-ma-loai-kcb.csv";

    /// <summary>MA_KHOA (department) by date (not transcribed yet: the file holds no code).</summary>
    public const string Departments = "codes-ma-khoa.csv";

    /// <summary>Maximum lengths set by date after a standard's field list (MUC_HUONG from 01/07/2026).</summary>
    public const string FieldSizesByDate = "field-sizes-by-date.csv";

    /// <summary>First day the shipped 2024 list describes (its date of publication).</summary>
    public static readonly DateOnly AdministrativeUnits2024From = new(2024, 6, 11);

    /// <summary>First day of the 2025 list (QĐ 19/2025/QĐ-TTg), the last day + 1 of the 2024 list.</summary>
    public static readonly DateOnly AdministrativeUnits2025From = new(2025, 7, 1);

    /// <summary>First day of the shipped later changes (Resolutions 30/2026/QH16 and 237/NQ-UBTVQH16).</summary>
    public static readonly DateOnly AdministrativeUnitChangesFrom = new(2026, 4, 30);

    /// <summary>The folder of shipped catalogues beside the running program.</summary>
    public static string ShippedDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "catalogues");

    /// <summary>The full path of a shipped catalogue file.</summary>
    public static string Shipped(string fileName) => Path.Combine(ShippedDirectory, fileName);
}
