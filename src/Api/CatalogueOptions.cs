namespace SoSucKhoe.Api;

/// <summary>
/// Catalogue files the validator loads at start (configuration section "Catalogues"). Catalogues change by decree, so they are
/// files an operator points at, never data built into the hub. Relative paths are looked up from the working directory, then
/// from each folder above the application's folder.
/// </summary>
public sealed class CatalogueOptions
{
    public const string SectionName = "Catalogues";

    /// <summary>The QĐ 4750 field rules (xml-fields-qd4750.csv): types, lengths, required flags of every table. Required.</summary>
    public string? FieldRules { get; set; }

    /// <summary>The ICD-10 catalogue (QĐ 4469); when absent, diagnosis codes are checked for shape only.</summary>
    public string? Icd10 { get; set; }

    /// <summary>ICD-10 codes valid for women only; optional.</summary>
    public string? Icd10FemaleOnly { get; set; }

    /// <summary>ICD-10 codes valid for men only; optional.</summary>
    public string? Icd10MaleOnly { get; set; }

    /// <summary>
    /// Provinces, districts and communes (admin-units-2024-06-11.csv); optional. When set, a facility's location is checked for
    /// membership (district in province, commune in district) on the days the list covers; formats are always checked.
    /// </summary>
    public string? AdministrativeUnits { get; set; }

    /// <summary>First day the administrative-unit list describes ("yyyy-MM-dd").</summary>
    public string? AdministrativeUnitsValidFrom { get; set; } = "2024-06-11";

    /// <summary>First day the list no longer describes ("yyyy-MM-dd", exclusive); empty when still in force.</summary>
    public string? AdministrativeUnitsValidUntil { get; set; } = "2025-07-01";

    /// <summary>Resolves a configured path to an existing file, or null.</summary>
    public static string? Resolve(string? path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return null;
        }

        if (Path.IsPathRooted(path))
        {
            return File.Exists(path) ? path : null;
        }

        var candidate = Path.GetFullPath(path);
        if (File.Exists(candidate))
        {
            return candidate;
        }

        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            candidate = Path.Combine(folder.FullName, path);
            if (File.Exists(candidate))
            {
                return Path.GetFullPath(candidate);
            }
        }

        return null;
    }
}
