using SoSucKhoe.Dossiers.Catalogues;
using SoSucKhoe.Dossiers.Validation;

namespace SoSucKhoe.Api;

/// <summary>The catalogues loaded once at start from the files <see cref="CatalogueOptions"/> names.</summary>
/// <param name="Standards">The data standards and their field rules.</param>
/// <param name="Icd">The ICD-10 catalogue, when configured: codes are checked against it and named in the book.</param>
/// <param name="SexRestrictions">ICD-10 codes valid for one sex only, when configured.</param>
public sealed record Catalogues(StandardCatalogue Standards, IcdCatalogue? Icd, IcdSexRestrictions? SexRestrictions)
{
    /// <summary>The administrative-unit lists by date, with their later changes and the commune conversion.</summary>
    public AdministrativeUnitHistory AdministrativeUnits { get; init; } = AdministrativeUnitHistory.None;

    /// <summary>The dated code lists (MA_DOITUONG_KCB, MA_LOAI_KCB, MA_KHOA).</summary>
    public IReadOnlyList<DatedCodeList> CodeLists { get; init; } = [];

    /// <summary>Maximum lengths set by date.</summary>
    public DatedFieldSizes FieldSizes { get; init; } = DatedFieldSizes.None;

    /// <summary>Everything the dossier validator checks against.</summary>
    public DossierRules Rules => new()
    {
        Standards = Standards,
        CodeLists = CodeLists,
        FieldSizes = FieldSizes,
        AdministrativeUnits = AdministrativeUnits,
        Icd = Icd,
        SexRestrictions = SexRestrictions,
    };
}
