using SoSucKhoe.Dossiers.Catalogues;

namespace SoSucKhoe.Api;

/// <summary>
/// Catalogue files the hub loads at start (configuration section "Catalogues"). Catalogues change by decree, so each is a file
/// an operator may point elsewhere; a setting left empty means the product's own copy, shipped in the <c>catalogues</c> folder
/// beside the hub (see catalogues/PROVENANCE.md and docs/standards.md). A relative path is taken from the working directory, like
/// every path setting. Dates are "yyyy-MM-dd".
/// </summary>
public sealed class CatalogueOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Catalogues";

    /// <summary>
    /// The data standards (standards.csv): each standard's key, the first episode end it governs, and its field list (a path
    /// relative to the standards file), e.g. QĐ 4750 until 31/12/2024 and QĐ 3176 from 01/01/2025.
    /// </summary>
    public string? Standards { get; set; }

    /// <summary>The ICD-10 catalogue (QĐ 4469, icd10-qd4469.csv).</summary>
    public string? Icd10 { get; set; }

    /// <summary>ICD-10 codes valid for women only (icd10-female-only.csv).</summary>
    public string? Icd10FemaleOnly { get; set; }

    /// <summary>ICD-10 codes valid for men only (icd10-male-only.csv).</summary>
    public string? Icd10MaleOnly { get; set; }

    /// <summary>
    /// Provinces, districts and communes before the 2025 reform (admin-units-2024-06-11.csv). Facility locations and residence
    /// codes are checked for membership on the days the list covers; formats are always checked.
    /// </summary>
    public string? AdministrativeUnits { get; set; }

    /// <summary>First day the administrative-unit list describes.</summary>
    public string? AdministrativeUnitsValidFrom { get; set; } = "2024-06-11";

    /// <summary>First day the list no longer describes (exclusive); empty when still in force.</summary>
    public string? AdministrativeUnitsValidUntil { get; set; } = "2025-07-01";

    /// <summary>Provinces and communes after the reform, without districts (admin-units-2025-07-01.csv).</summary>
    public string? CurrentAdministrativeUnits { get; set; }

    /// <summary>First day the current list describes (it stays in force: a later list would be a new setting).</summary>
    public string? CurrentAdministrativeUnitsValidFrom { get; set; } = "2025-07-01";

    /// <summary>Renamings after the current list (admin-units-later-changes.csv), in force from <see cref="AdministrativeUnitChangesFrom"/>.</summary>
    public string? AdministrativeUnitChanges { get; set; }

    /// <summary>The day the changes take effect (the file gives none).</summary>
    public string? AdministrativeUnitChangesFrom { get; set; } = "2026-04-30";

    /// <summary>Old communes and the communes they became on 01/07/2025 (bp-commune-mapping.csv).</summary>
    public string? CommuneMapping { get; set; }

    /// <summary>MA_DOITUONG_KCB codes by date (codes-ma-doituong-kcb.csv).</summary>
    public string? VisitSubjects { get; set; }

    /// <summary>MA_LOAI_KCB codes by date (codes-ma-loai-kcb.csv).</summary>
    public string? VisitTypes { get; set; }

    /// <summary>MA_KHOA codes by date (codes-ma-khoa.csv).</summary>
    public string? Departments { get; set; }

    /// <summary>Maximum lengths set by date after a standard's field list (field-sizes-by-date.csv).</summary>
    public string? FieldSizesByDate { get; set; }

    /// <summary>The full path a setting names: the shipped file when the setting is empty, else the path from the working directory.</summary>
    public static string PathOf(string? configured, string shippedFileName) =>
        string.IsNullOrWhiteSpace(configured) ? CatalogueFiles.Shipped(shippedFileName) : Path.GetFullPath(configured);
}
