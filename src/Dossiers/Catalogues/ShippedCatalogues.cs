using SoSucKhoe.Dossiers.Validation;

namespace SoSucKhoe.Dossiers.Catalogues;

/// <summary>
/// The product's own catalogues as shipped beside the running program, each loaded once on first use, with the dates the
/// shipped files describe. For tools and tests; the hub loads the files its configuration names (and checks them at start).
/// </summary>
public static class ShippedCatalogues
{
    private static readonly Lazy<StandardCatalogue> StandardsLazy = new(() => StandardCatalogue.Load(CatalogueFiles.Shipped(CatalogueFiles.Standards)));

    private static readonly Lazy<AdministrativeUnitHistory> UnitsLazy = new(() => new AdministrativeUnitHistory(
        [
            AdministrativeUnitCatalogue.Load(CatalogueFiles.Shipped(CatalogueFiles.AdministrativeUnits2024), CatalogueFiles.AdministrativeUnits2024From,
                CatalogueFiles.AdministrativeUnits2025From),
            AdministrativeUnitCatalogue.Load(CatalogueFiles.Shipped(CatalogueFiles.AdministrativeUnits2025), CatalogueFiles.AdministrativeUnits2025From, null),
        ],
        AdministrativeUnitChanges.Load(CatalogueFiles.Shipped(CatalogueFiles.AdministrativeUnitChanges), CatalogueFiles.AdministrativeUnitChangesFrom),
        CommuneMapping.Load(CatalogueFiles.Shipped(CatalogueFiles.CommuneMapping))));

    private static readonly Lazy<IReadOnlyList<DatedCodeList>> CodeListsLazy = new(() =>
    [
        DatedCodeList.Load("MA_DOITUONG_KCB", CatalogueFiles.Shipped(CatalogueFiles.VisitSubjects)),
        DatedCodeList.Load("MA_LOAI_KCB", CatalogueFiles.Shipped(CatalogueFiles.VisitTypes)),
        DatedCodeList.Load("MA_KHOA", CatalogueFiles.Shipped(CatalogueFiles.Departments)),
    ]);

    private static readonly Lazy<DatedFieldSizes> SizesLazy = new(() => DatedFieldSizes.Load(CatalogueFiles.Shipped(CatalogueFiles.FieldSizesByDate)));

    /// <summary>The data standards (standards.csv and the field lists it names).</summary>
    public static StandardCatalogue Standards => StandardsLazy.Value;

    /// <summary>The administrative-unit lists of 2024 and 2025, the later changes and the Bình Phước commune conversion.</summary>
    public static AdministrativeUnitHistory AdministrativeUnits => UnitsLazy.Value;

    /// <summary>The dated code lists (MA_DOITUONG_KCB, MA_LOAI_KCB, MA_KHOA).</summary>
    public static IReadOnlyList<DatedCodeList> CodeLists => CodeListsLazy.Value;

    /// <summary>The sizes set by date (MUC_HUONG).</summary>
    public static DatedFieldSizes FieldSizes => SizesLazy.Value;

    /// <summary>Every shipped rule, ICD-10 excepted (pass it in when wanted).</summary>
    public static DossierRules Rules(IcdCatalogue? icd = null, IcdSexRestrictions? sexRestrictions = null) => new()
    {
        Standards = Standards,
        CodeLists = CodeLists,
        FieldSizes = FieldSizes,
        AdministrativeUnits = AdministrativeUnits,
        Icd = icd,
        SexRestrictions = sexRestrictions,
    };
}
