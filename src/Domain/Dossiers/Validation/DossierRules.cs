using SoSucKhoe.Dossiers.Catalogues;

namespace SoSucKhoe.Dossiers.Validation;

/// <summary>
/// Everything a <see cref="DossierValidator"/> checks against, each effective-dated: the data standards (which field rules an
/// episode follows), the code lists by date, the sizes later decisions set by date, the administrative-unit lists, and the ICD-10
/// catalogue with its sex restrictions. Only <see cref="Standards"/> is required; what is not given is not checked.
/// </summary>
public sealed record DossierRules
{
    /// <summary>The data standards by the episodes they govern.</summary>
    public required StandardCatalogue Standards { get; init; }

    /// <summary>Code lists by date (MA_DOITUONG_KCB, MA_LOAI_KCB, MA_KHOA …), each checked in every table that has its field.</summary>
    public IReadOnlyList<DatedCodeList> CodeLists { get; init; } = [];

    /// <summary>Maximum lengths later decisions set by date (MUC_HUONG from 01/07/2026).</summary>
    public DatedFieldSizes FieldSizes { get; init; } = DatedFieldSizes.None;

    /// <summary>Administrative-unit lists by date, for the residence codes (MATINH_CU_TRU, MAHUYEN_CU_TRU, MAXA_CU_TRU).</summary>
    public AdministrativeUnitHistory AdministrativeUnits { get; init; } = AdministrativeUnitHistory.None;

    /// <summary>The ICD-10 catalogue: diagnoses are checked against it when given.</summary>
    public IcdCatalogue? Icd { get; init; }

    /// <summary>ICD-10 codes valid for one sex only, when given.</summary>
    public IcdSexRestrictions? SexRestrictions { get; init; }

    /// <summary>The code list of a field, or null.</summary>
    public DatedCodeList? CodeListOf(string field)
    {
        foreach (var list in CodeLists)
        {
            if (list.Field == field)
            {
                return list;
            }
        }

        return null;
    }
}
