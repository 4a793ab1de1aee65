using SoSucKhoe.Dossiers.Catalogues;

namespace SoSucKhoe.Api;

/// <summary>
/// Catalogue files the hub loads at start (configuration section "Catalogues"). Catalogues change by decree, so each is a file
/// an operator may point elsewhere; a setting left empty means the product's own copy, shipped in the <c>catalogues</c> folder
/// beside the hub (see catalogues/PROVENANCE.md). A relative path is taken from the working directory, like every path setting.
/// </summary>
public sealed class CatalogueOptions
{
    public const string SectionName = "Catalogues";

    /// <summary>The QĐ 4750 field rules (xml-fields-qd4750.csv): types, lengths, required flags of every table.</summary>
    public string? FieldRules { get; set; }

    /// <summary>The ICD-10 catalogue (QĐ 4469, icd10-qd4469.csv).</summary>
    public string? Icd10 { get; set; }

    /// <summary>ICD-10 codes valid for women only (icd10-female-only.csv).</summary>
    public string? Icd10FemaleOnly { get; set; }

    /// <summary>ICD-10 codes valid for men only (icd10-male-only.csv).</summary>
    public string? Icd10MaleOnly { get; set; }

    /// <summary>
    /// Provinces, districts and communes (admin-units-2024-06-11.csv). A facility's location is checked for membership (district
    /// in province, commune in district) on the days the list covers; formats are always checked.
    /// </summary>
    public string? AdministrativeUnits { get; set; }

    /// <summary>First day the administrative-unit list describes ("yyyy-MM-dd").</summary>
    public string? AdministrativeUnitsValidFrom { get; set; } = "2024-06-11";

    /// <summary>First day the list no longer describes ("yyyy-MM-dd", exclusive); empty when still in force.</summary>
    public string? AdministrativeUnitsValidUntil { get; set; } = "2025-07-01";

    /// <summary>The full path a setting names: the shipped file when the setting is empty, else the path from the working directory.</summary>
    public static string PathOf(string? configured, string shippedFileName) =>
        string.IsNullOrWhiteSpace(configured) ? CatalogueFiles.Shipped(shippedFileName) : Path.GetFullPath(configured);
}
