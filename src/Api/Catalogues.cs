using SoSucKhoe.Dossiers.Catalogues;

namespace SoSucKhoe.Api;

/// <summary>The catalogues loaded once at start from the files <see cref="CatalogueOptions"/> names.</summary>
/// <param name="FieldRules">The QĐ 4750 field rules.</param>
/// <param name="Icd">The ICD-10 catalogue, when configured: codes are checked against it and named in the book.</param>
/// <param name="SexRestrictions">ICD-10 codes valid for one sex only, when configured.</param>
public sealed record Catalogues(FieldRuleCatalogue FieldRules, IcdCatalogue? Icd, IcdSexRestrictions? SexRestrictions)
{
    /// <summary>Provinces, districts and communes for the period they cover, when configured.</summary>
    public AdministrativeUnitCatalogue? AdministrativeUnits { get; init; }
}
